/**
 * `npm run build:editor`: bundles the visual editor (src/features/visual-editor/browser) into
 * static/js/visual-editor.<hash>.js with its stylesheet static/css/visual-editor.<hash>.css,
 * removes older copies and writes the names into src/features/visual-editor/bundle-files.ts.
 * `--check` only says whether the committed files are what a build makes now (npm run check).
 *
 * The output is committed, like every file of static/: `wrangler dev`, `wrangler deploy` and the
 * test pool serve static/ as it is. The build is deterministic (pinned esbuild and packages), so
 * running it again changes nothing unless the editor's code or a package changed.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ASSET_MAP_FILE, assetMapSource, listStaticAssets } from './asset-fingerprints'
import { buildEditorBundle, EDITOR_FILES_MODULE, editorFilesSource } from './editor-bundle'

const root = path.resolve(import.meta.dirname, '../..')
const checkOnly = process.argv.includes('--check')
const bundle = await buildEditorBundle(root)
const outputs = [
  {
    dir: 'static/js',
    name: bundle.script.name,
    content: bundle.script.content,
    stem: 'visual-editor.',
  },
  {
    dir: 'static/css',
    name: bundle.style.name,
    content: bundle.style.content,
    stem: 'visual-editor.',
  },
]
const modulePath = path.join(root, EDITOR_FILES_MODULE)
const moduleSource = editorFilesSource(bundle)
const stale: string[] = []
for (const output of outputs) {
  const file = path.join(root, output.dir, output.name)
  if (!existsSync(file) || !readFileSync(file).equals(Buffer.from(output.content)))
    stale.push(`${output.dir}/${output.name}`)
  for (const old of readdirSync(path.join(root, output.dir)))
    if (old.startsWith(output.stem) && old !== output.name) stale.push(`${output.dir}/${old} (old)`)
}
if (!existsSync(modulePath) || readFileSync(modulePath, 'utf8') !== moduleSource)
  stale.push(EDITOR_FILES_MODULE)

if (checkOnly) {
  if (stale.length > 0) {
    console.error(`The visual editor's bundle is out of date: ${stale.join(', ')}.`)
    console.error('Run `npm run build:editor` and commit the result.')
    process.exit(1)
  }
} else {
  for (const output of outputs) {
    for (const old of readdirSync(path.join(root, output.dir)))
      if (old.startsWith(output.stem) && old !== output.name)
        rmSync(path.join(root, output.dir, old))
    writeFileSync(path.join(root, output.dir, output.name), output.content)
  }
  writeFileSync(modulePath, moduleSource)
  // The map of every static file (what `npm run assets` writes) names the new bundle too.
  const assets = listStaticAssets(path.join(root, 'static'))
  writeFileSync(path.join(root, ASSET_MAP_FILE), assetMapSource(assets))
  console.log(
    stale.length > 0
      ? `Visual editor: ${bundle.script.name} (${bundle.script.gzipBytes} bytes gzipped).`
      : 'Visual editor bundle up to date.',
  )
}
