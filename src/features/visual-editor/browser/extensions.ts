import type { AnyExtension, NodeViewRenderer } from '@tiptap/core'
import Blockquote from '@tiptap/extension-blockquote'
import Bold from '@tiptap/extension-bold'
import Code from '@tiptap/extension-code'
import CodeBlock from '@tiptap/extension-code-block'
import Document from '@tiptap/extension-document'
import HardBreak from '@tiptap/extension-hard-break'
import Heading from '@tiptap/extension-heading'
import HorizontalRule from '@tiptap/extension-horizontal-rule'
import Image from '@tiptap/extension-image'
import Italic from '@tiptap/extension-italic'
import { BulletList } from '@tiptap/extension-list/bullet-list'
import { ListItem } from '@tiptap/extension-list/item'
import { OrderedList } from '@tiptap/extension-list/ordered-list'
import Paragraph from '@tiptap/extension-paragraph'
import Strike from '@tiptap/extension-strike'
import { TableCell } from '@tiptap/extension-table/cell'
import { TableHeader } from '@tiptap/extension-table/header'
import { TableRow } from '@tiptap/extension-table/row'
import { Table } from '@tiptap/extension-table/table'
import Text from '@tiptap/extension-text'
import { LinkMark } from './link-mark'
import { RawMarkdown } from './raw-block'

/**
 * The Markdown this editor writes: CommonMark and GFM tables and strikethrough. Subpath imports
 * keep unused list and table kinds out of the bundle. Shared by the browser bundle and the
 * serializer's tests, so both read and write the same Markdown.
 */
export function contentExtensions(
  options: { rawLabel?: string; imageView?: NodeViewRenderer } = {},
): AnyExtension[] {
  const { imageView } = options
  const image = imageView ? Image.extend({ addNodeView: () => imageView }) : Image
  return [
    Document,
    Paragraph,
    Text,
    Bold,
    Italic,
    Strike,
    Code,
    CodeBlock,
    Heading.configure({ levels: [1, 2, 3, 4, 5, 6] }),
    Blockquote,
    HardBreak,
    HorizontalRule,
    BulletList,
    OrderedList,
    ListItem,
    LinkMark,
    // Markdown images sit inside paragraphs.
    image.configure({ inline: true }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    RawMarkdown.configure({ label: options.rawLabel ?? 'Kept as written' }),
  ]
}
