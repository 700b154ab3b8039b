import { Marked, type Token } from 'marked'
import { parseFragment, serialize } from 'parse5'
import { smartypants } from 'smartypants'
import xssModule from 'xss'
import { linkOffsiteImages } from './offsite-images'
import { frenchSpacing, SMARTYPANTS_MODE } from './typography'

// xss is CommonJS: under Vite its named exports only exist on the default one.
const { FilterXSS, escapeAttrValue, friendlyAttrValue } =
  xssModule as unknown as typeof import('xss')

/**
 * Curly quotes, apostrophes, dashes and ellipses on the rendered HTML. SmartyPants skips tags,
 * <code> and <pre>, so code keeps its quotes; it sees the text whole, so a quote before an
 * emphasis still opens. It runs on sanitized HTML, where no attribute holds a raw quote or "<",
 * and the quotes escaped in text are unescaped first.
 */
function smartPunctuation(html: string, language: string): string {
  const plainQuotes = html.replace(
    /(^|>)([^<]*)/g,
    (_, close: string, text: string) => close + text.replace(/&quot;/g, '"').replace(/&#39;/g, "'"),
  )
  const curly = smartypants(plainQuotes, SMARTYPANTS_MODE)
  return language === 'fr'
    ? curly.replace(/&#8220;\s*/g, '«\u202f').replace(/\s*&#8221;/g, '\u202f»')
    : curly
}

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

/**
 * Parsed as a browser would parse it inside the post's `<div>` and written out again: every
 * element closed, so an unclosed `<table>` or `<a>` cannot swallow what follows the post.
 */
function balanced(html: string, offsiteImagesAsLinks: boolean): string {
  // Trailing blank text would make the parser reopen an unclosed inline tag just to hold it.
  const body = html.trimEnd()
  const fragment = parseFragment(body)
  if (offsiteImagesAsLinks) linkOffsiteImages(fragment)
  return serialize(fragment) + html.slice(body.length)
}

/**
 * Removes everything that could run or restyle the page; only the tags readers need stay.
 * `offsiteImagesAsLinks` is for what readers get; the importer keeps the images to convert them.
 */
export function sanitizeHtml(html: string, { offsiteImagesAsLinks = false } = {}): string {
  const clean = sanitizer.process(html)
  // Absolute links leave the site: give them no access to this window and no referrer.
  return balanced(
    clean.replace(/<a href="(https?:\/\/[^"]*)"/gi, '<a href="$1" rel="noopener noreferrer"'),
    offsiteImagesAsLinks,
  )
}

/**
 * Markdown to the exact HTML readers get, set in the post's language. Each top-level block is
 * sanitized and balanced on its own, so a tag left open (an `<a>`, an `<em>`) ends with its
 * block instead of being carried on into the next paragraphs, as a browser would.
 */
export function renderMarkdown(markdown: string, language = 'en'): string {
  const parser = language === 'fr' ? frenchMarkdownParser : markdownParser
  const tokens = parser.lexer(markdown)
  const walk = parser.defaults.walkTokens
  if (walk) parser.walkTokens(tokens, walk)
  const html = tokens
    .map((token) =>
      sanitizeHtml(parser.parser(Object.assign([token], { links: tokens.links })), {
        offsiteImagesAsLinks: true,
      }),
    )
    .join('')
  return smartPunctuation(html, language)
}

// Inline tokens whose words are part of the sentence; images and raw HTML are not.
function plainText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'image' || token.type === 'html') return ''
      if (token.type === 'br') return ' '
      if ('tokens' in token && token.tokens) return plainText(token.tokens)
      return 'text' in token ? token.text : ''
    })
    .join('')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }

/**
 * The excerpt a post gets until its editor writes one: the text of its first paragraph (never a
 * heading, a list, a quote or code), read from the Markdown parser's tokens, cut at a word.
 */
export function excerptFromMarkdown(markdown: string, maxLength = 280): string {
  const paragraph = markdownParser.lexer(markdown).find((token) => token.type === 'paragraph')
  if (!paragraph || !('tokens' in paragraph) || !paragraph.tokens) return ''
  const text = plainText(paragraph.tokens)
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : maxLength).trim()}…`
}
