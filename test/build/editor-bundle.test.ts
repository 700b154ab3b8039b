/**
 * The visual editor's script, as `npm run build:editor` makes it: committed under its content's
 * name, and within its budget. Only editor pages load it (see
 * test/features/visual-editor/pasted-html.test.ts for the pages).
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { buildEditorBundle } from '../../src/cli/editor-bundle'
import {
  VISUAL_EDITOR_SCRIPT,
  VISUAL_EDITOR_STYLESHEET,
} from '../../src/features/visual-editor/bundle-files'

const root = path.resolve(import.meta.dirname, '../..')
/**
 * 150 KiB gzipped. Measured at 145 KiB: TipTap's core and ProseMirror (about 100 KiB), the
 * Markdown reader and writer with marked (20 KiB), tables (14 KiB), this editor's own code.
 */
const GZIP_BUDGET_BYTES = 150 * 1024

test('the committed editor bundle is what a build makes now, under its content’s name', async () => {
  const bundle = await buildEditorBundle(root)
  assert.equal(VISUAL_EDITOR_SCRIPT, `/js/${bundle.script.name}`, 'run `npm run build:editor`')
  assert.equal(VISUAL_EDITOR_STYLESHEET, `/css/${bundle.style.name}`, 'run `npm run build:editor`')
  const committed = path.join(root, 'static', VISUAL_EDITOR_SCRIPT)
  assert.ok(existsSync(committed), `${committed} is missing`)
  assert.ok(readFileSync(committed).equals(Buffer.from(bundle.script.content)))
})

test('the editor script stays within its budget of 150 KiB gzipped', async () => {
  const { script } = await buildEditorBundle(root)
  assert.ok(
    script.gzipBytes <= GZIP_BUDGET_BYTES,
    `the editor script is ${script.gzipBytes} bytes gzipped`,
  )
})
