import type { JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { MarkdownManager } from '@tiptap/markdown'

type Token = { type: string; raw: string; [key: string]: unknown }

/**
 * One top-level block of the Markdown as it was opened: its text exactly as written and how many
 * top-level nodes it became in the visual view.
 */
type SourceBlock = { raw: string; count: number }

/**
 * The Markdown's blocks and the exact whitespace around them, so that every block the writer did
 * not touch is written back byte for byte, whatever the serializer would have made of it.
 */
export type SourceLayout = {
  blocks: SourceBlock[]
  /** gaps[i]: what stood between block i and block i + 1. */
  gaps: string[]
  lead: string
  tail: string
}

const BLOCKS_SHOWN = new Set(['paragraph', 'heading', 'list', 'blockquote', 'code', 'table', 'hr'])
const INLINE_SHOWN = new Set([
  'text',
  'escape',
  'strong',
  'em',
  'codespan',
  'br',
  'del',
  'link',
  'image',
  'paragraph',
  'list_item',
  'space',
  'heading',
  'blockquote',
  'code',
  'list',
  'table',
  'hr',
])
/** `[gallery ids="1,2"]`, `[/caption]`: WordPress shortcodes the importer keeps as text. */
const SHORTCODE = /\[\/?[a-z][a-z0-9_-]*(?:[\s/][^\]]*)?\]/i
/** `[^1]`: a footnote reference. */
const FOOTNOTE = /\[\^[^\]]+\]/

/** Whether the visual view can show this token and write it back with the same meaning. */
function representable(token: Token): boolean {
  if (!INLINE_SHOWN.has(token.type)) return false
  if (token.type === 'text' || token.type === 'escape') {
    const text = String(token.raw)
    if (SHORTCODE.test(text) || FOOTNOTE.test(text)) return false
  }
  // A reference link (`[text][ref]`) needs its definition, which lives in another block.
  if (token.type === 'link' && !/\)\s*$/.test(token.raw)) return false
  if (token.type === 'image' && !/\)\s*$/.test(token.raw)) return false
  // Task lists (`- [ ] x`) are not part of this editor's Markdown.
  if (token.type === 'list_item' && token.task) return false
  return children(token).every(representable)
}

function children(token: Token): Token[] {
  const found: Token[] = []
  for (const key of ['tokens', 'items']) {
    const list = token[key]
    if (Array.isArray(list)) found.push(...(list as Token[]))
  }
  if (token.type === 'table') {
    const header = token.header as { tokens: Token[] }[]
    const rows = token.rows as { tokens: Token[] }[][]
    for (const cell of [...header, ...rows.flat()]) found.push(...cell.tokens)
  }
  return found
}

const rawNode = (source: string): JSONContent => ({ type: 'rawMarkdown', attrs: { source } })

/**
 * Reads Markdown block by block: each top-level block becomes its nodes in the visual view, or a
 * read-only block holding its text when the view cannot represent it.
 */
export function parseBlocks(
  manager: MarkdownManager,
  markdown: string,
): { doc: JSONContent; layout: SourceLayout } {
  const tokens = manager.instance.lexer(markdown) as unknown as Token[]
  const layout: SourceLayout = { blocks: [], gaps: [], lead: '', tail: '' }
  const content: JSONContent[] = []
  let offset = 0
  let pending = ''
  for (const token of tokens) {
    const at = markdown.indexOf(token.raw, offset)
    // marked normalises some input (tabs, line ends): then the whole text is one kept block.
    if (at !== offset) return wholeAsRaw(markdown)
    offset += token.raw.length
    const raw = token.raw.replace(/\s+$/, '')
    const trailing = token.raw.slice(raw.length)
    if (!raw.trim()) {
      pending += token.raw
      continue
    }
    if (layout.blocks.length === 0) layout.lead = pending
    else layout.gaps.push(pending)
    let nodes: JSONContent[] = []
    if (BLOCKS_SHOWN.has(token.type) && representable(token)) {
      nodes = (manager.parse(raw).content ?? []).filter((node) => !isEmptyParagraph(node))
    }
    if (nodes.length === 0) nodes = [rawNode(raw)]
    content.push(...nodes)
    layout.blocks.push({ raw, count: nodes.length })
    pending = trailing
  }
  if (offset !== markdown.length) return wholeAsRaw(markdown)
  if (layout.blocks.length === 0) layout.lead = ''
  layout.tail = pending
  if (content.length === 0) content.push({ type: 'paragraph' })
  return { doc: { type: 'doc', content }, layout }
}

function wholeAsRaw(markdown: string) {
  const raw = markdown.replace(/\s+$/, '')
  const lead = raw.match(/^\s*/)![0]
  return {
    doc: { type: 'doc', content: [rawNode(raw.slice(lead.length))] },
    layout: {
      blocks: [{ raw: raw.slice(lead.length), count: 1 }],
      gaps: [],
      lead,
      tail: markdown.slice(raw.length),
    },
  }
}

function isEmptyParagraph(node: JSONContent) {
  return node.type === 'paragraph' && !(node.content && node.content.length > 0)
}

/**
 * The top-level nodes of the document as opened, grouped by the block they came from. ProseMirror
 * keeps an untouched node as the very same object across edits, so identity tells what changed.
 */
export function originalNodes(doc: ProseMirrorNode, layout: SourceLayout): ProseMirrorNode[][] {
  const groups: ProseMirrorNode[][] = []
  let index = 0
  for (const block of layout.blocks) {
    const group: ProseMirrorNode[] = []
    for (let k = 0; k < block.count && index < doc.childCount; k++) group.push(doc.child(index++))
    groups.push(group)
  }
  return groups
}

/**
 * The document as Markdown: blocks still made of their original nodes are written exactly as they
 * were read, with the whitespace that surrounded them; only new or changed blocks go through
 * the serializer.
 */
export function serializeBlocks(
  manager: MarkdownManager,
  doc: ProseMirrorNode,
  layout: SourceLayout,
  originals: ProseMirrorNode[][],
): string {
  const startsBlock = new Map<ProseMirrorNode, number>()
  originals.forEach((group, index) => group[0] && startsBlock.set(group[0], index))
  const pieces: { text: string; block: number | null }[] = []
  let i = 0
  while (i < doc.childCount) {
    const node = doc.child(i)
    const block = startsBlock.get(node)
    if (block !== undefined) {
      const group = originals[block]
      if (group.every((original, k) => i + k < doc.childCount && doc.child(i + k) === original)) {
        pieces.push({ text: layout.blocks[block].raw, block })
        i += group.length
        continue
      }
    }
    if (!(node.type.name === 'paragraph' && node.content.size === 0)) {
      const text = manager
        .serialize({ type: 'doc', content: [node.toJSON()] })
        .replace(/^\n+|\s+$/g, '')
      if (text) pieces.push({ text, block: null })
    }
    i++
  }
  if (pieces.length === 0) return ''
  let markdown = pieces[0].block === 0 ? layout.lead : ''
  pieces.forEach((piece, index) => {
    const previous = pieces[index - 1]
    if (previous) {
      const neighbours =
        previous.block !== null && piece.block !== null && piece.block === previous.block + 1
      markdown += neighbours ? layout.gaps[previous.block!] : '\n\n'
    }
    markdown += piece.text
  })
  return markdown + layout.tail
}
