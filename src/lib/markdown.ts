import { Marked } from 'marked'
import xssModule from 'xss'
import { htmlToText } from './plain-text'
import { frenchSpacing } from './typography'

// xss is CommonJS: under Vite its named exports only exist on the default one.
const { FilterXSS, escapeAttrValue, friendlyAttrValue } =
  xssModule as unknown as typeof import('xss')

const markdownParser = new Marked({ gfm: true, async: false })
const frenchMarkdownParser = new Marked({
  gfm: true,
  async: false,
  // Only leaf text: code spans, code blocks and raw HTML keep their spaces as typed.
  walkTokens(token) {
    if (token.type === 'text' && !('tokens' in token && token.tokens))
      token.text = frenchSpacing(token.text)
  },
})

const TABLE_CELL = ['align']
const ALLOWED_TAGS: Record<string, string[]> = {
  h1: ['id'],
  h2: ['id'],
  h3: ['id'],
  h4: ['id'],
  h5: ['id'],
  h6: ['id'],
  p: [],
  br: [],
  hr: [],
  em: [],
  strong: [],
  del: [],
  s: [],
  sup: [],
  sub: [],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  code: [],
  pre: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: TABLE_CELL,
  td: TABLE_CELL,
  figure: [],
  figcaption: [],
}

// The contents of these go too, not only the tags: a stray `<style>` body would otherwise show as text.
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'template',
  'noscript',
  'textarea',
  'select',
]

// Control characters and whitespace browsers skip inside a URL scheme ("java\tscript:").
const URL_NOISE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g

function normalizedUrl(raw: string): string {
  return friendlyAttrValue(raw).replace(URL_NOISE, '')
}

function isSafeLink(url: string): boolean {
  if (/^(https?:\/\/|mailto:)/i.test(url)) return true
  // Relative links: no scheme before the first / ? or #.
  return !/^[^/?#]*:/.test(url) && !url.startsWith('//') && !url.startsWith('\\')
}

function isSafeImage(url: string): boolean {
  return /^https:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//'))
}

const sanitizer = new FilterXSS({
  whiteList: ALLOWED_TAGS,
  stripIgnoreTag: true,
  stripIgnoreTagBody: DROPPED_WITH_CONTENT,
  allowCommentTag: false,
  css: false,
  safeAttrValue(tag, name, value) {
    if (name === 'href' || name === 'src') {
      const url = normalizedUrl(value)
      const safe = name === 'href' ? isSafeLink(url) : isSafeImage(url)
      return safe ? escapeAttrValue(url) : ''
    }
    if (name === 'start' || name === 'width' || name === 'height') {
      return /^\d{1,5}$/.test(value) ? value : ''
    }
    if (name === 'align') return /^(left|right|center)$/.test(value) ? value : ''
    return escapeAttrValue(friendlyAttrValue(value))
  },
})

/** Removes everything that could run or restyle the page; only the tags readers need stay. */
export function sanitizeHtml(html: string): string {
  const clean = sanitizer.process(html)
  // Absolute links leave the site: give them no access to this window and no referrer.
  return clean.replace(/<a href="(https?:\/\/[^"]*)"/gi, '<a href="$1" rel="noopener noreferrer"')
}

/** Markdown to the exact HTML readers get, set in the post's language. */
export function renderMarkdown(markdown: string, language = 'en'): string {
  const parser = language === 'fr' ? frenchMarkdownParser : markdownParser
  return sanitizeHtml(parser.parse(markdown) as string)
}

/** The first paragraph's text, for a post saved without an excerpt. */
export function excerptFromMarkdown(markdown: string, maxLength = 280, language = 'en'): string {
  const text = htmlToText(renderMarkdown(markdown, language))
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : maxLength).trim()}…`
}
