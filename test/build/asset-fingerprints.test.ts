/**
 * static/css and static/js are cached by browsers for a year (static/_headers), so a file must
 * never change under the same name: each name carries a hash of the content, and the pages' map
 * (src/ui/asset-files.ts) points at exactly those files. `npm run assets` fixes both.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import { listStaticAssets } from '../../src/cli/asset-fingerprints'
import { ASSET_FILES } from '../../src/ui/asset-files'

const staticDir = path.resolve(import.meta.dirname, '../../static')
const assets = listStaticAssets(staticDir)

test('every immutable static file is named after its content', () => {
  assert.ok(assets.length >= 5, `found ${assets.length} files`)
  for (const asset of assets)
    assert.equal(
      asset.named,
      asset.actual,
      `static/${asset.file} holds content ${asset.actual}: run \`npm run assets\``,
    )
})

test('the pages’ map points at exactly those files', () => {
  assert.deepEqual(
    ASSET_FILES,
    Object.fromEntries(assets.map((asset) => [asset.logical, `/${asset.file}`])),
    'run `npm run assets`',
  )
})
