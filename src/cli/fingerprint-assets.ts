/**
 * `npm run assets`: names every file in static/css and static/js after its content
 * (`admin.css` → `admin.3f2a9c1b.css`) and rewrites src/ui/asset-files.ts, the map pages read
 * their addresses from. `npm run assets -- --check` (part of `npm run check`) only reports.
 *
 * Why names are fingerprinted here, once, and committed, rather than by a build step on every
 * `npm start`, test and deploy: `wrangler dev`, `wrangler deploy` and the Workers test pool all
 * serve static/ and bundle src/ as they are, so a build step would have to run before each of them
 * (and before any command someone runs by hand) or a page would point at a file that is not there.
 * Committed names need nothing before those commands, and test/build/asset-fingerprints.test.ts
 * fails as soon as a file's content no longer matches its name — the one mistake that would let
 * browsers keep an old version for a year (static/_headers marks these folders immutable).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  ASSET_MAP_FILE,
  assetMapSource,
  fingerprintedName,
  listStaticAssets,
} from './asset-fingerprints'

const root = path.resolve(import.meta.dirname, '../..')
const staticDir = path.join(root, 'static')
const checkOnly = process.argv.includes('--check')

const assets = listStaticAssets(staticDir)
const renamed = assets.map((asset) => ({
  ...asset,
  target: `${path.dirname(asset.file)}/${fingerprintedName(path.basename(asset.logical), asset.actual)}`,
}))
const stale = renamed.filter((asset) => asset.file !== asset.target)
const mapPath = path.join(root, ASSET_MAP_FILE)
const mapSource = assetMapSource(renamed.map(({ logical, target }) => ({ logical, file: target })))
const mapStale = !existsSync(mapPath) || readFileSync(mapPath, 'utf8') !== mapSource

if (checkOnly) {
  for (const asset of stale) console.error(`static/${asset.file} should be static/${asset.target}`)
  if (mapStale) console.error(`${ASSET_MAP_FILE} is out of date`)
  if (stale.length > 0 || mapStale) {
    console.error('Run `npm run assets`.')
    process.exit(1)
  }
} else {
  for (const asset of stale) {
    renameSync(path.join(staticDir, asset.file), path.join(staticDir, asset.target))
    console.log(`static/${asset.file} → static/${asset.target}`)
  }
  if (mapStale) writeFileSync(mapPath, mapSource)
  console.log(stale.length > 0 || mapStale ? `Wrote ${ASSET_MAP_FILE}.` : 'Assets up to date.')
}
