import { getSchema } from '@tiptap/core'
import { MarkdownManager } from '@tiptap/markdown'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { demoPosts } from '../../../src/cli/demo-content'
import { contentExtensions } from '../../../src/features/visual-editor/browser/extensions'
import {
  originalNodes,
  parseBlocks,
  serializeBlocks,
} from '../../../src/features/visual-editor/browser/source-blocks'
import { htmlToMarkdown } from '../../../src/features/import-export/import/html-to-markdown'
import { readExportText } from '../../../src/features/import-export/import/read'
import sample from '../import-export/import/fixtures/wordpress-export-sample.xml?raw'

const extensions = contentExtensions()
const manager = new MarkdownManager({ extensions })
const schema = getSchema(extensions)

/** What the editor holds after opening `markdown`, and what it writes back. */
function open(markdown: string) {
  const { doc, layout } = parseBlocks(manager, markdown)
  const node = schema.nodeFromJSON(doc)
  const originals = originalNodes(node, layout)
  return {
    node,
    json: doc,
    write: (edited = node) => serializeBlocks(manager, edited, layout, originals),
    /** The serializer alone, every block written anew. */
    reserialize: () => serializeBlocks(manager, node, layout, []),
  }
}

async function wordpressBodies() {
  const blog = await readExportText(sample)
  return blog.posts.map((post) => ({
    slug: post.slug,
    markdown: post.markdown ?? htmlToMarkdown(post.html ?? '').markdown,
  }))
}

// The Markdown this editor writes: generated pieces of the supported subset, in its own style.
const word = fc.constantFrom(
  'hôtel',
  'lobby',
  'café',
  '«\u00a0accueil\u00a0»',
  'l’addition',
  'prix\u00a0:',
  'vraiment\u202f!',
  '2026',
  'Noël',
  'check-in',
)
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '))
const inline = fc.oneof(
  words,
  words.map((text) => `*${text}*`),
  words.map((text) => `**${text}**`),
  words.map((text) => `\`${text.replace(/`/g, '')}\``),
  fc
    .tuple(words, fc.constantFrom('/posts/le-pain', 'https://example.org/a?b=c'))
    .map(([text, href]) => `[${text}](${href})`),
  fc
    .tuple(words, fc.constantFrom('/posts/x', 'https://example.org/'), words)
    .map(([text, href, title]) => `[${text}](${href} "${title}")`),
  fc
    .tuple(words, fc.constantFrom('/media/ab12.jpg', '/media/cd34.png'), fc.option(words))
    .map(([alt, src, title]) => (title ? `![${alt}](${src} "${title}")` : `![${alt}](${src})`)),
)
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '))
const block = fc.oneof(
  line,
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), words)
    .map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc
    .array(line, { minLength: 1, maxLength: 4 })
    .map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc
    .array(line, { minLength: 1, maxLength: 4 })
    .map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
  line.map((text) => `> ${text}`),
  fc
    .tuple(fc.constantFrom('', 'js', 'sh'), fc.array(words, { minLength: 1, maxLength: 3 }))
    .map(([language, lines]) => `\`\`\`${language}\n${lines.join('\n')}\n\`\`\``),
  fc.constant('---'),
)
const listKind = (text: string) => (/^- /.test(text) ? '-' : /^1\. /.test(text) ? '1.' : null)
const document = fc
  .array(block, { minLength: 1, maxLength: 8 })
  // Two lists of one kind in a row are one list in Markdown.
  .filter((blocks) =>
    blocks.every((b, i) => i === 0 || !listKind(b) || listKind(b) !== listKind(blocks[i - 1])),
  )
  .map((blocks) => blocks.join('\n\n'))

describe('the visual editor’s Markdown', () => {
  it('writes every demo post back byte for byte when nothing was edited', () => {
    for (const post of demoPosts) expect(open(post.markdown).write(), post.slug).toBe(post.markdown)
  })

  it('writes every post of the WordPress import back byte for byte when nothing was edited', async () => {
    const bodies = await wordpressBodies()
    expect(bodies.length).toBeGreaterThan(5)
    for (const body of bodies) expect(open(body.markdown).write(), body.slug).toBe(body.markdown)
  })

  it('keeps any Markdown byte for byte when nothing was edited', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), document, (noise, markdown) => {
        expect(open(markdown).write()).toBe(markdown)
        const mixed = `${noise}\n\n${markdown}\n`
        expect(open(mixed).write()).toBe(mixed)
      }),
      { numRuns: 150 },
    )
  })

  it('has a serializer that reproduces the supported subset on its own', () => {
    fc.assert(
      fc.property(document, (markdown) => {
        expect(open(markdown).reserialize()).toBe(markdown)
      }),
      { numRuns: 200 },
    )
  })

  it('reproduces tables as it writes them', () => {
    const table = '| Signal | Why |\n| --- | --- |\n| a « b » | **c** |'
    const reread = open(open(table).reserialize())
    expect(reread.reserialize()).toBe(open(table).reserialize())
    expect(reread.json.content?.[0].type).toBe('table')
  })

  it('shows HTML blocks, footnotes, shortcodes and reference definitions read-only, and keeps them when another block changes', () => {
    const markdown = [
      'Intro with a note[^1].',
      '<div class="encart">\n<p>Raw HTML</p>\n</div>',
      '[gallery ids="1,2,3"]',
      'A [reference link][ref] here.',
      'Plain paragraph.',
      '[^1]: The note.',
      '[ref]: https://example.org/',
    ].join('\n\n')
    const opened = open(markdown)
    const kinds = opened.json.content!.map((node) => node.type)
    expect(kinds).toEqual([
      'rawMarkdown',
      'rawMarkdown',
      'rawMarkdown',
      'rawMarkdown',
      'paragraph',
      'rawMarkdown',
      'rawMarkdown',
    ])
    // The writer edits the plain paragraph: everything else comes back exactly.
    const index = kinds.indexOf('paragraph')
    let offset = 0
    for (let i = 0; i < index; i++) offset += opened.node.child(i).nodeSize
    const paragraph = opened.node.child(index)
    const edited = opened.node.replace(
      offset,
      offset + paragraph.nodeSize,
      new (opened.node.slice(0).constructor as typeof import('@tiptap/pm/model').Slice)(
        schema.nodes.doc.create(
          null,
          schema.nodes.paragraph.create(null, schema.text('Edited *now*.')),
        ).content,
        0,
        0,
      ),
    )
    expect(opened.write(edited)).toBe(markdown.replace('Plain paragraph.', 'Edited \\*now\\*.'))
  })
})
