import { Marked } from 'marked'
import { sanitizeHtml } from '../../lib/markdown'

export const MAX_COMMENT_LENGTH = 5_000
export const MAX_COMMENT_LINKS = 3

const off = () => undefined

// The subset readers may write: paragraphs, emphasis, links and inline code. Every other block
// or inline rule is switched off, so its marks stay as typed text (and raw HTML is escaped).
const parser = new Marked({
  gfm: true,
  async: false,
  tokenizer: {
    heading: off,
    lheading: off,
    blockquote: off,
    list: off,
    code: off,
    fences: off,
    html: off,
    hr: off,
    table: off,
    def: off,
    tag: off,
    del: off,
  },
  renderer: {
    image: ({ text }) => escapeText(text),
  },
})

function escapeText(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A comment's HTML: the subset, then the blog's sanitizer; links marked as the reader's. */
export function commentHtml(markdown: string): string {
  const html = sanitizeHtml(parser.parse(markdown) as string, { offsiteImagesAsLinks: true })
  return html.replace(
    /<a href="([^"]*)"(?: rel="[^"]*")?/g,
    '<a href="$1" rel="nofollow ugc noopener"',
  )
}

/** Links a comment holds, counted in what it would show. */
export const linkCount = (html: string) => (html.match(/<a /g) ?? []).length
