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

/**
 * Word writes list items as paragraphs with an `mso-list` style and the bullet or number as text;
 * consecutive ones become a real list (numbered when the marker is a number or a letter).
 */
function listsFromWordParagraphs(root: HTMLElement, markers: Map<string, string>) {
  let list: HTMLElement | null = null
  for (const paragraph of root.querySelectorAll('p')) {
    const match = WORD_LIST_ITEM.exec(paragraph.getAttribute('style') ?? '')
    if (!match) {
      list = null
      continue
    }
    const marker = markers.get(paragraph.getAttribute('data-word-marker') ?? '') ?? ''
    const ordered = /^\s*[\p{L}\p{N}]{1,3}[.)]/u.test(marker)
    const previous = paragraph.previousElementSibling
    if (!list || previous !== list || (list.tagName === 'OL') !== ordered) {
      paragraph.insertAdjacentHTML('beforebegin', ordered ? '<ol></ol>' : '<ul></ul>')
      list = paragraph.previousElementSibling as HTMLElement
    }
    list.insertAdjacentHTML('beforeend', `<li>${paragraph.innerHTML}</li>`)
    paragraph.remove()
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
