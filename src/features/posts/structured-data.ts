import type { PublishedPost } from './queries'
import type { Site } from '../../types'
import type { PageMeta, SocialImage } from '../../ui/head-meta'
import { absoluteUrl } from '../../ui/head-meta'
import { metaDescription } from '../../lib/seo'
import { authorPath, categoryPath, postPath } from '../../lib/addresses'

/** The home page: the blog as a WebSite, with the search box search engines can offer. */
export function websiteJsonLd(site: Site) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    description: site.tagline,
    url: `${site.url}/`,
    inLanguage: site.locale,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.url}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  }
}

/**
 * Everything a post page says about itself: description, language, Open Graph article data, and
 * JSON-LD BlogPosting and BreadcrumbList. `image` is the post's featured image, when it has one.
 */
export function postPageMeta(
  site: Site,
  post: PublishedPost,
  image?: SocialImage | null,
): PageMeta {
  const url = `${site.url}${postPath(post.slug)}`
  const author = {
    '@type': 'Person',
    name: post.author.name,
    url: `${site.url}${authorPath(post.author.slug)}`,
  }
  const category = post.categories[0]
  const crumbs = [
    { name: site.name, url: `${site.url}/` },
    ...(category
      ? [{ name: category.name, url: `${site.url}${categoryPath(category.slug)}` }]
      : []),
    { name: post.title, url },
  ]
  const imageUrl = image ? absoluteUrl(site, image.url) : null
  return {
    canonicalPath: postPath(post.slug),
    lang: post.language,
    ogType: 'article',
    image: image ?? null,
    article: {
      publishedAt: post.publishedAt,
      modifiedAt: post.updatedAt,
      author: author.url,
      tags: post.categories.map((c) => c.name),
    },
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        headline: post.title,
        description: metaDescription(post.excerpt),
        datePublished: post.publishedAt.toISOString(),
        dateModified: post.updatedAt.toISOString(),
        inLanguage: post.language,
        url,
        mainEntityOfPage: { '@type': 'WebPage', '@id': url },
        author,
        publisher: { '@type': 'Organization', name: site.name, url: `${site.url}/` },
        ...(category ? { articleSection: category.name } : {}),
        ...(imageUrl ? { image: [imageUrl] } : {}),
      },
      {
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: crumbs.map((crumb, index) => ({
          '@type': 'ListItem',
          position: index + 1,
          name: crumb.name,
          item: crumb.url,
        })),
      },
    ],
  }
}
