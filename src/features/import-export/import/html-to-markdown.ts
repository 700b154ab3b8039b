import { parse, type HTMLElement } from 'node-html-parser'
import { sanitizeHtml } from '../../../lib/markdown'
import { writeMarkdown } from './markdown-writer'

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A figure stays an HTML block in the Markdown: Markdown has no caption, the renderer keeps it. */
function figureHtml(node: HTMLElement) {
  const img = node.querySelector('img')
  if (!img) return null
  const caption = node.querySelector('figcaption')?.textContent.trim() ?? ''
  const src = escapeHtml(img.getAttribute('src') ?? '')
  const alt = escapeHtml(img.getAttribute('alt') ?? '')
  const figcaption = caption ? `\n<figcaption>${escapeHtml(caption)}</figcaption>` : ''
  return `<figure>\n<img src="${src}" alt="${alt}">${figcaption}\n</figure>`
}

const BLOCK_TAG = /<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr)\b/i

/**
 * WordPress's classic editor stores paragraphs as blank lines and line breaks as newlines
 * (its `wpautop` adds the tags only when showing a post); give such bodies their tags back.
 */
function restoreParagraphs(html: string) {
  if (BLOCK_TAG.test(html)) return html
  return html
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${block.replace(/\n/g, '<br>\n')}</p>`)
    .join('\n')
}

const CAPTION = /\[(?:caption|wp_caption)\b[^\]]*\]([\s\S]*?)\[\/(?:caption|wp_caption)\]/gi
/** `[embed]URL[/embed]`: readers' pages load nothing from another site, so the embed is a link. */
const EMBED = /\[embed\b[^\]]*\]\s*(https?:\/\/[^\s<\[]+)\s*\[\/embed\]/gi
const SHORTCODE = /\[\/?([a-z][a-z0-9_-]*)(?=[\s\]\/])[^\]]*\]/gi

function embedsToLinks(html: string) {
  return html.replace(EMBED, (_, url: string) => `<a href="${url}">${url}</a>`)
}

function captionsToFigures(html: string) {
  return html.replace(CAPTION, (_, inner: string) => {
    const image = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner)
    if (!image) return inner
    const caption = inner.replace(image[0], '').trim()
    const img = /<img\b[^>]*>/i.exec(image[0])![0]
    return `<figure>${img}<figcaption>${caption}</figcaption></figure>`
  })
}

export type ConvertedBody = { markdown: string; shortcodes: string[]; images: string[] }

const IMG = /<img\b[^>]*>/gi

function attribute(tag: string, name: string) {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return match ? decodeEntities(match[2] ?? match[3] ?? match[4] ?? '') : ''
}

function decodeEntities(text: string) {
  return parse(`<i>${text}</i>`).textContent
}

/** Every image address a body uses, in order, each once. */
export function imageSources(html: string) {
  return [...new Set([...html.matchAll(IMG)].map((m) => attribute(m[0], 'src')).filter(Boolean))]
}

/**
 * Images found in `local` (old address → this blog's media address) point there; any other
 * image becomes a link to where it was, since readers' pages load no third-party image.
 */
function localizeImages(html: string, local: ReadonlyMap<string, string>) {
  return html.replace(IMG, (tag) => {
    const src = attribute(tag, 'src')
    const alt = attribute(tag, 'alt')
    const localSrc = local.get(src)
    if (localSrc) return `<img src="${escapeHtml(localSrc)}" alt="${escapeHtml(alt)}">`
    return `<a href="${escapeHtml(src)}">${escapeHtml(alt || src)}</a>`
  })
}

/**
 * A WordPress or Ghost body as this blog's Markdown. The editor's sanitizer runs first, so an
 * imported post can carry nothing the editor would refuse (scripts, iframes, handlers, styles,
 * `javascript:` links). Block comments go; `[caption]` becomes a figure and `[embed]` a link; other shortcodes stay
 * as text and are returned so the report can list them.
 */
export function htmlToMarkdown(
  html: string,
  localImages: ReadonlyMap<string, string> = new Map(),
): ConvertedBody {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '')
  const withFigures = embedsToLinks(captionsToFigures(restoreParagraphs(withoutComments)))
  const shortcodes = new Set<string>()
  for (const match of withFigures.matchAll(SHORTCODE)) shortcodes.add(match[1].toLowerCase())
  const images = imageSources(withFigures)
  const clean = sanitizeHtml(localizeImages(withFigures, localImages))
  const markdown = writeMarkdown(clean, figureHtml).trim()
  return { markdown, shortcodes: [...shortcodes], images }
}

/** Plain text of a small HTML fragment, e.g. a WordPress excerpt. */
export function htmlToText(html: string) {
  return parse(sanitizeHtml(html)).textContent.replace(/\s+/g, ' ').trim()
}
