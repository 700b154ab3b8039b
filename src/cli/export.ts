/**
 * `npm run export -- <dir> [--remote]`
 * Writes the whole blog (local, or the deployed one with --remote) as one zip archive into <dir>:
 * posts as Markdown with front matter, authors, categories, redirects, images and a manifest.
 * `npm run import -- <archive.zip>` reads it back.
 */
import { mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createDb } from '../db/client'
import { exportArchive } from '../features/import-export'
import { readSiteSettings } from '../features/settings'
import { platformFor } from './platform'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { remote: { type: 'boolean', default: false } },
})
const [dir] = positionals
if (!dir) {
  console.error('Usage: npm run export -- <dir> [--remote]')
  process.exit(1)
}

const proxy = await platformFor(values.remote)
try {
  const db = createDb(proxy.env.DB)
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `blog-export-${new Date().toISOString().slice(0, 10)}.zip`)
  const { settings } = await readSiteSettings(db, proxy.env)
  const archive = exportArchive({ db, bucket: proxy.env.MEDIA }, settings)
  await writeFile(file, new Uint8Array(await new Response(archive).arrayBuffer()))
  console.log(`Exported to ${file}`)
} finally {
  await proxy.dispose()
}
