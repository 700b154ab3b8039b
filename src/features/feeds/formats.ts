import { withoutControlCharacters } from '../../lib/plain-text'

/** One post as every feed format needs it; URLs are absolute, `html` has absolute links. */
export type SyndicatedEntry = {
  id: string
  url: string
  title: string
  summary: string
  html: string
  language: string
  published: Date
  updated: Date
  author: { name: string; url: string }
  categories: { term: string; label: string; url: string }[]
  /** A note's source: the page it quotes and links to. */
  sourceUrl?: string
}

export type SyndicatedFeed = {
  /** A stable id for the feed itself (the Atom `<id>`). */
  id: string
  title: string
  description: string
  language: string
  /** The HTML page this feed follows, and this feed's own address. */
  pageUrl: string
  feedUrl: string
  updated: Date
  entries: SyndicatedEntry[]
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/**
 * Text safe inside any XML element or attribute: characters XML 1.0 forbids (controls, lone
 * surrogates, U+FFFE/U+FFFF) are dropped, the five special ones escaped. HTML bodies go through
 * this too instead of CDATA, so a `]]>` in a post cannot end anything.
 */
export function xmlText(value: string): string {
  return clean(value).replace(/[&<>"']/g, (char) => XML_ESCAPES[char])
}

const NOT_XML_CHARACTERS =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g

/** Text without the characters XML 1.0 forbids; JSON feeds get the same, for the same readers. */
function clean(value: string): string {
  return withoutControlCharacters(value).replace(NOT_XML_CHARACTERS, '')
}

const GENERATOR = 'Edge Blog'

export function renderRss(feed: SyndicatedFeed): string {
  const items = feed.entries.map(
    (entry) => `<item>
<title>${xmlText(entry.title)}</title>
<link>${xmlText(entry.url)}</link>
<guid isPermaLink="false">${xmlText(entry.id)}</guid>
<pubDate>${entry.published.toUTCString()}</pubDate>
<dc:creator>${xmlText(entry.author.name)}</dc:creator>
${entry.categories.map((c) => `<category domain="${xmlText(c.url)}">${xmlText(c.label)}</category>`).join('\n')}
<description>${xmlText(entry.summary)}</description>
<content:encoded>${xmlText(entry.html)}</content:encoded>
</item>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xmlText(feed.title)}</title>
<link>${xmlText(feed.pageUrl)}</link>
<description>${xmlText(feed.description)}</description>
<language>${xmlText(feed.language)}</language>
<lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>
<generator>${GENERATOR}</generator>
<atom:link href="${xmlText(feed.feedUrl)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`
}

export function renderAtom(feed: SyndicatedFeed): string {
  const entries = feed.entries.map(
    (entry) => `<entry xml:lang="${xmlText(entry.language)}">
<id>${xmlText(entry.id)}</id>
<title type="text">${xmlText(entry.title)}</title>
<link rel="alternate" type="text/html" href="${xmlText(entry.url)}"/>
${entry.sourceUrl ? `<link rel="related" type="text/html" href="${xmlText(entry.sourceUrl)}"/>\n` : ''}<published>${entry.published.toISOString()}</published>
<updated>${entry.updated.toISOString()}</updated>
<author><name>${xmlText(entry.author.name)}</name><uri>${xmlText(entry.author.url)}</uri></author>
${entry.categories.map((c) => `<category term="${xmlText(c.term)}" label="${xmlText(c.label)}" scheme="${xmlText(c.url.replace(/[^/]+$/, ''))}"/>`).join('\n')}
<summary type="text">${xmlText(entry.summary)}</summary>
<content type="html">${xmlText(entry.html)}</content>
</entry>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">
<id>${xmlText(feed.id)}</id>
<title type="text">${xmlText(feed.title)}</title>
<subtitle type="text">${xmlText(feed.description)}</subtitle>
<updated>${feed.updated.toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${xmlText(feed.feedUrl)}"/>
<link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>
<generator>${GENERATOR}</generator>
${entries.join('\n')}
</feed>
`
}

export function renderJsonFeed(feed: SyndicatedFeed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(feed.title),
    description: clean(feed.description),
    home_page_url: feed.pageUrl,
    feed_url: feed.feedUrl,
    language: feed.language,
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      ...(entry.sourceUrl ? { external_url: entry.sourceUrl } : {}),
      title: clean(entry.title),
      summary: clean(entry.summary),
      content_html: clean(entry.html),
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      language: entry.language,
      authors: [{ name: clean(entry.author.name), url: entry.author.url }],
      tags: entry.categories.map((c) => clean(c.label)),
    })),
  })
}
