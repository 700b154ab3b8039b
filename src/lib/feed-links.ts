export const FEED_FORMATS = ['rss', 'atom', 'json'] as const
export type FeedFormat = (typeof FEED_FORMATS)[number]

export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
}

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
}

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }

export type FeedLink = { type: string; href: string; title: string }

/**
 * The three feeds of one scope: the whole blog lives at `/rss.xml`…, a category or an author at
 * `/categories/<slug>/rss.xml`…, so each list page's feed sits under its own address.
 */
export function feedLinks(basePath: string, title: string): FeedLink[] {
  const base = basePath === '/' ? '' : basePath
  return FEED_FORMATS.map((format) => ({
    type: FEED_TYPES[format],
    href: `${base}/${FEED_FILES[format]}`,
    title: `${title} (${FORMAT_NAMES[format]})`,
  }))
}
