import { defaultTreeAdapter as tree, html, type DefaultTreeAdapterTypes as T } from 'parse5'

const attribute = (element: T.Element, name: string) =>
  element.attrs.find((attr) => attr.name === name)?.value ?? ''

/**
 * Readers' pages load images from this site only (`img-src 'self' data:`: a reader's browser calls
 * no third party), so an image from elsewhere that the sanitizer keeps (`![](https://…)` typed in a
 * post, or left by the importer when its download failed) would show broken. It becomes a link to
 * the image instead, named by its alt text, title or address; inside a link, just that text.
 */
export function linkOffsiteImages(parent: T.ParentNode, insideLink = false): void {
  for (const node of [...parent.childNodes]) {
    if (!tree.isElementNode(node)) continue
    const src = node.tagName === 'img' ? attribute(node, 'src') : ''
    if (!/^https:\/\//i.test(src)) {
      linkOffsiteImages(node, insideLink || node.tagName === 'a')
      continue
    }
    const label = attribute(node, 'alt').trim() || attribute(node, 'title').trim() || src
    let replacement: T.ChildNode
    if (insideLink) {
      replacement = tree.createTextNode(label)
    } else {
      replacement = tree.createElement('a', html.NS.HTML, [
        { name: 'href', value: src },
        { name: 'rel', value: 'noopener noreferrer' },
      ])
      tree.insertText(replacement, label)
    }
    tree.insertBefore(parent, replacement, node)
    tree.detachNode(node)
  }
}
