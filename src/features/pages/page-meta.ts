import { metaDescription } from '../../lib/seo'
import type { Site } from '../../types'
import type { PageMeta } from '../../ui/head-meta'
import { pagePath } from '../../lib/addresses'

/** What a page says about itself: its address, language, and a schema.org WebPage. */
export function pageMeta(
  site: Site,
  page: { slug: string; title: string; excerpt: string; language: string; updatedAt: Date },
): PageMeta & { description?: string } {
  const url = `${site.url}${pagePath(page.slug)}`
  return {
    canonicalPath: pagePath(page.slug),
    lang: page.language,
    description: metaDescription(page.excerpt) || undefined,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'WebPage',
        name: page.title,
        url,
        inLanguage: page.language,
        dateModified: page.updatedAt.toISOString(),
        isPartOf: { '@type': 'WebSite', name: site.name, url: `${site.url}/` },
      },
    ],
  }
}
