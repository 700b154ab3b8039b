/**
 * Ghost 5 stores new posts as Lexical JSON; its exports usually carry the rendered `html` too.
 * When they do not, this renders the common nodes to HTML (text formats, headings, lists,
 * quotes, links, images, code and HTML/Markdown cards); anything else keeps only its text.
 */
type LexicalNode = {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  url?: string
  src?: string
  alt?: string
  caption?: string
  code?: string
  html?: string
  markdown?: string
  listType?: string
  children?: LexicalNode[]
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function renderText(node: LexicalNode) {
  let html = escape(node.text ?? '')
  const format = typeof node.format === 'number' ? node.format : 0
  if (format & 16) html = `<code>${html}</code>`
  if (format & 1) html = `<strong>${html}</strong>`
  if (format & 2) html = `<em>${html}</em>`
  if (format & 4) html = `<s>${html}</s>`
  return html
}

function render(node: LexicalNode): string {
  const inner = () => (node.children ?? []).map(render).join('')
  switch (node.type) {
    case 'text':
    case 'extended-text':
      return renderText(node)
    case 'linebreak':
      return '<br>'
    case 'paragraph':
      return `<p>${inner()}</p>`
    case 'heading':
    case 'extended-heading':
      return /^h[1-6]$/.test(node.tag ?? '')
        ? `<${node.tag}>${inner()}</${node.tag}>`
        : `<p>${inner()}</p>`
    case 'quote':
    case 'extended-quote':
      return `<blockquote>${inner()}</blockquote>`
    case 'list':
      return node.listType === 'number' ? `<ol>${inner()}</ol>` : `<ul>${inner()}</ul>`
    case 'listitem':
      return `<li>${inner()}</li>`
    case 'link':
      return `<a href="${escape(node.url ?? '')}">${inner()}</a>`
    case 'image': {
      const img = `<img src="${escape(node.src ?? '')}" alt="${escape(node.alt ?? '')}">`
      return node.caption ? `<figure>${img}<figcaption>${node.caption}</figcaption></figure>` : img
    }
    case 'codeblock':
      return `<pre><code>${escape(node.code ?? '')}</code></pre>`
    case 'html':
      return node.html ?? ''
    case 'markdown':
      return `<p>${escape(node.markdown ?? '')}</p>`
    case 'horizontalrule':
      return '<hr>'
    default:
      return inner()
  }
}

export function lexicalToHtml(json: string): string {
  try {
    const doc = JSON.parse(json) as { root?: LexicalNode }
    return doc.root ? render(doc.root) : ''
  } catch {
    return ''
  }
}
