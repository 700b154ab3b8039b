import { HTMLElement, parse } from 'node-html-parser'
import { sanitizeHtml } from '../../lib/markdown'

/** Word's list bullets and other "downlevel" fragments: `<![if !supportLists]>…<![endif]>`. */
const WORD_CONDITIONAL = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi
const COMMENT = /<!--[\s\S]*?-->/g
const WORD_LIST_ITEM = /mso-list:\s*l\d+\s+level(\d+)/i

function styleOf(element: HTMLElement) {
  return (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '')
}

/** Emphasis that word processors express with styles, which the sanitizer drops, as tags. */
function emphasisFromStyles(root: HTMLElement) {
  // Innermost first: replacing an element re-parses its content.
  for (const element of root.querySelectorAll('span, b, i').reverse()) {
    const style = styleOf(element)
    const tag = element.tagName.toLowerCase()
    // Google Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">.
    const bold =
      /font-weight:(bold|[6-9]00)/.test(style) ||
      (tag === 'b' && !/font-weight:(normal|400)/.test(style))
    const italic =
      /font-style:italic/.test(style) || (tag === 'i' && !/font-style:normal/.test(style))
    let inner = element.innerHTML
    if (italic) inner = `<em>${inner}</em>`
    if (bold) inner = `<strong>${inner}</strong>`
    element.replaceWith(inner)
  }
}

type WordListItem = { level: number; ordered: boolean; html: string }

/**
 * Nested lists from Word's flat run of levelled items: a deeper level opens a list inside the item
 * before it (one level at a time, however far Word indents), a shallower one closes lists back to
 * it, and a change between bullets and numbers at one level starts a new list there.
 */
function nestedListHtml(items: WordListItem[]) {
  const tag = (ordered: boolean) => (ordered ? 'ol' : 'ul')
  // The kind of each open list, outermost first: its length is the current depth.
  const open: boolean[] = []
  let html = ''
  for (const item of items) {
    const depth = Math.min(item.level, open.length + 1)
    while (open.length > depth) html += `</li></${tag(open.pop()!)}>`
    if (open.length === depth && open[depth - 1] !== item.ordered)
      html += `</li></${tag(open.pop()!)}>`
    if (open.length === depth) html += '</li>'
    else {
      html += `<${tag(item.ordered)}>`
      open.push(item.ordered)
    }
    html += `<li>${item.html}`
  }
  while (open.length > 0) html += `</li></${tag(open.pop()!)}>`
  return html
}

/**
 * Word writes list items as paragraphs with an `mso-list` style (its level) and the bullet or
 * number as text; each run of consecutive ones becomes a real list, nested by level (numbered
 * where the marker is a number or a letter).
 */
function listsFromWordParagraphs(root: HTMLElement, markers: Map<string, string>) {
  const runs: { paragraph: HTMLElement; item: WordListItem }[][] = []
  for (const paragraph of root.querySelectorAll('p')) {
    const match = WORD_LIST_ITEM.exec(paragraph.getAttribute('style') ?? '')
    if (!match) continue
    const marker = markers.get(paragraph.getAttribute('data-word-marker') ?? '') ?? ''
    const item = {
      level: Number(match[1]),
      ordered: /^\s*[\p{L}\p{N}]{1,3}[.)]/u.test(marker),
      html: paragraph.innerHTML,
    }
    const run = runs.at(-1)
    if (run && paragraph.previousElementSibling === run.at(-1)!.paragraph)
      run.push({ paragraph, item })
    else runs.push([{ paragraph, item }])
  }
  for (const run of runs) {
    run[0].paragraph.replaceWith(nestedListHtml(run.map(({ item }) => item)))
    for (const { paragraph } of run.slice(1)) paragraph.remove()
  }
}

/**
 * HTML pasted into the visual editor, as it may enter a post: what word processors express with
 * styles becomes tags (bold, italic, Word's lists), images are left to the uploader, and the
 * result goes through the sanitizer that guards every published post.
 */
export function cleanPastedHtml(html: string): string {
  const markers = new Map<string, string>()
  let next = 0
  const marked = html
    .replace(
      /<p\b([^>]*)>\s*<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi,
      (_, attributes, marker) => {
        const key = String(next++)
        markers.set(key, parse(marker).textContent.trim())
        return `<p${attributes} data-word-marker="${key}">`
      },
    )
    .replace(WORD_CONDITIONAL, '')
    .replace(COMMENT, '')
  const root = parse(marked, { comment: false })
  for (const image of root.querySelectorAll('img, picture')) image.remove()
  emphasisFromStyles(root)
  listsFromWordParagraphs(root, markers)
  return sanitizeHtml(root.toString())
}
