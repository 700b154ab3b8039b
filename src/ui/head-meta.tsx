import { raw } from 'hono/html'
import { feedLinks, type FeedLink } from '../lib/feed-links'
import { jsonForScript, openGraphLocale } from '../lib/seo'
import type { Site } from '../types'
import { wirePath } from '../lib/addresses'

/** A picture for link previews; pages with a featured image pass it (absolute or root-relative). */
export type SocialImage = { url: string; alt?: string; width?: number; height?: number }

/** What a reader page tells search engines, feed readers and link previews about itself. */
export type PageMeta = {
  /** The page's one address; the request path (no query) when not given. */
  canonicalPath?: string
  /** The language of the page's content (a post's), when it is not the site's. */
  lang?: string
  ogType?: 'website' | 'article'
  image?: SocialImage | null
  article?: { publishedAt: Date; modifiedAt: Date; author: string; tags: string[] }
  /** Schema.org objects, one `application/ld+json` block each. */
  jsonLd?: object[]
  /** This page's own feeds (a category's, an author's), announced before the whole blog's. */
  feeds?: FeedLink[]
  noindex?: boolean
}

export const absoluteUrl = (site: Site, path: string) =>
  /^https?:\/\//.test(path) ? path : `${site.url}${path.startsWith('/') ? '' : '/'}${path}`

type HeadMetaProps = PageMeta & {
  site: Site
  title: string
  description: string
  path: string
}

export function HeadMeta(props: HeadMetaProps) {
  const { site, title, description } = props
  const canonical = absoluteUrl(site, wirePath(props.canonicalPath ?? props.path))
  const lang = props.lang ?? site.locale
  // A page without a picture of its own is previewed with the site's default one, if it has one.
  const own =
    props.image ?? (site.socialImage && { ...site.socialImage, url: site.socialImage.src })
  const image = own ? { ...own, url: absoluteUrl(site, own.url) } : null
  const feeds = [...(props.feeds ?? []), ...feedLinks('/', site.name)]
  return (
    <>
      <link rel="canonical" href={canonical} />
      <link rel="alternate" hreflang={lang} href={canonical} />
      {feeds.map((feed) => (
        <link rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
      ))}
      {props.noindex && <meta name="robots" content="noindex" />}
      <meta property="og:site_name" content={site.name} />
      <meta property="og:type" content={props.ogType ?? 'website'} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:locale" content={openGraphLocale(lang)} />
      {image && <meta property="og:image" content={image.url} />}
      {image?.alt && <meta property="og:image:alt" content={image.alt} />}
      {image?.width && <meta property="og:image:width" content={String(image.width)} />}
      {image?.height && <meta property="og:image:height" content={String(image.height)} />}
      {props.article && (
        <>
          <meta
            property="article:published_time"
            content={props.article.publishedAt.toISOString()}
          />
          <meta property="article:modified_time" content={props.article.modifiedAt.toISOString()} />
          <meta property="article:author" content={props.article.author} />
          {props.article.tags.map((tag) => (
            <meta property="article:tag" content={tag} />
          ))}
        </>
      )}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      {image && <meta name="twitter:image" content={image.url} />}
      {image?.alt && <meta name="twitter:image:alt" content={image.alt} />}
      {(props.jsonLd ?? []).map((data) => (
        <script type="application/ld+json">{raw(jsonForScript(data))}</script>
      ))}
    </>
  )
}
