import { xmlText } from './formats'

export type SitemapUrl = { loc: string; lastmod: Date | null }

/** A sitemap (sitemaps.org 0.9); `lastmod` in W3C datetime. */
export function renderSitemap(urls: SitemapUrl[]): string {
  const entries = urls.map(
    (url) =>
      `<url><loc>${xmlText(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod.toISOString()}</lastmod>` : ''}</url>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</urlset>
`
}

/** A sitemap index (sitemaps.org 0.9): the files that hold the addresses. */
export function renderSitemapIndex(files: SitemapUrl[]): string {
  const entries = files.map(
    (file) =>
      `<sitemap><loc>${xmlText(file.loc)}</loc>${file.lastmod ? `<lastmod>${file.lastmod.toISOString()}</lastmod>` : ''}</sitemap>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`
}
