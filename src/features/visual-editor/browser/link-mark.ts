import { Mark, mergeAttributes } from '@tiptap/core'

/**
 * A Markdown link, `[text](address "title")`. TipTap's own Link extension also detects bare
 * addresses while typing (linkifyjs, a sixth of the budget); here links are made on purpose,
 * through the toolbar's dialog or by typing the Markdown.
 */
export const LinkMark = Mark.create({
  name: 'link',
  priority: 1000,
  inclusive: false,
  addAttributes() {
    return { href: { default: null }, title: { default: null } }
  },
  parseHTML() {
    return [{ tag: 'a[href]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['a', mergeAttributes(HTMLAttributes, { rel: 'noopener noreferrer nofollow' }), 0]
  },
  markdownTokenName: 'link',
  parseMarkdown: (token, helpers) =>
    helpers.applyMark('link', helpers.parseInline(token.tokens || []), {
      href: token.href,
      title: token.title || null,
    }),
  renderMarkdown: (node, h) => {
    const href = node.attrs?.href ?? ''
    const title = node.attrs?.title ?? ''
    const text = h.renderChildren(node)
    return title ? `[${text}](${href} "${title}")` : `[${text}](${href})`
  },
})
