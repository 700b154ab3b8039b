import { displayHost } from '../../lib/display-host'
import type { FeedEntry } from './queries'
import type { Site } from '../../types'

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])

/**
 * A note in a feed reads as it does on the site: the quote in a `<blockquote cite>`, then the
 * link to its source, then the editor's comment (the entry's own HTML, which follows).
 */
export function noteSourceHtml(
  site: Site,
  note: Pick<FeedEntry, 'excerpt' | 'sourceUrl' | 'sourceSiteName'>,
): string {
  const paragraphs = note.excerpt
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  const cite = note.sourceUrl ? ` cite="${escape(note.sourceUrl)}"` : ''
  const siteName = note.sourceSiteName
    ? `<footer><cite>${escape(note.sourceSiteName)}</cite></footer>`
    : ''
  const quote = paragraphs.length
    ? `<blockquote${cite}>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}${siteName}</blockquote>`
    : ''
  const link = note.sourceUrl
    ? `<p><a href="${escape(note.sourceUrl)}">${escape(site.t.readAt(displayHost(note.sourceUrl)))} →</a></p>`
    : ''
  return quote + link
}
