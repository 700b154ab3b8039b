import { Node } from '@tiptap/core'

/**
 * Markdown the visual view cannot show faithfully (an HTML block, a footnote, a shortcode kept by
 * the importer, a reference definition): kept exactly as written, shown read-only, written back
 * as it came. It is edited in the Markdown view.
 */
export const RawMarkdown = Node.create<{ label: string }>({
  name: 'rawMarkdown',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addOptions() {
    return { label: 'Kept as written' }
  },
  addAttributes() {
    return { source: { default: '', rendered: false } }
  },
  // Never made from pasted HTML: only from Markdown.
  parseHTML() {
    return []
  },
  renderHTML({ node }) {
    return [
      'div',
      { class: 've-raw', contenteditable: 'false' },
      ['p', { class: 've-raw-label' }, this.options.label],
      ['pre', {}, node.attrs.source as string],
    ]
  },
  renderMarkdown: (node) => (node.attrs?.source as string) ?? '',
})
