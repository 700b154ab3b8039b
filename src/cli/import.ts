/**
 * `npm run import -- <file> [--remote] [--dry-run] [--no-images] [--allow-host <host[:port]>]…`
 * Imports a WordPress export (.xml), a Ghost export (.json) or this blog's own export archive
 * (.zip) into the local blog (or the deployed one with --remote). Images the posts use are
 * downloaded into the media store, never from a private, loopback or local address unless its
 * host is named with --allow-host (an old site on this network). With --dry-run nothing is
 * downloaded or written and the report says what would be.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import { createDb } from '../db/client'
import { fetchImages } from '../features/import-export'
import { allowedHostList } from '../lib/safe-fetch'
import { readExport } from '../features/import-export'
import { d1RedirectWriter } from '../features/import-export'
import { reportLines } from '../features/import-export'
import { importSurveyed, surveyExport, type ExportReader } from '../features/import-export'
import { ImportFileError } from '../features/import-export'
import { platformFor } from './platform'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    remote: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'no-images': { type: 'boolean', default: false },
    'allow-host': { type: 'string', multiple: true, default: [] },
  },
})
const [file] = positionals
if (!file) {
  console.error(
    'Usage: npm run import -- <export.xml|export.json|export.zip> [--remote] [--dry-run] [--no-images] [--allow-host <host[:port]>]',
  )
  process.exit(1)
}
const dryRun = values['dry-run']
const allowedHosts = allowedHostList(values['allow-host'])

// The file is read twice, as a stream: first through (a broken file is refused before anything
// is written, and the images are found), then post by post as they are written.
const read: ExportReader = (onPosts) =>
  readExport(Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, onPosts)
let survey
try {
  survey = await surveyExport(read)
} catch (error) {
  if (error instanceof ImportFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`Nothing imported: ${(error as Error).message}`)
    process.exit(1)
  }
  throw error
}

const proxy = await platformFor(values.remote)
try {
  const db = createDb(proxy.env.DB)
  const urls = values['no-images'] ? [] : survey.imageUrls
  if (urls.length)
    console.error(
      dryRun ? `Checking ${urls.length} image addresses…` : `Downloading ${urls.length} images…`,
    )
  const mediaEnv = { db, bucket: proxy.env.MEDIA }
  const images = await fetchImages(mediaEnv, urls, { dryRun, allowedHosts })
  const report = await importSurveyed(db, read, survey, {
    dryRun,
    mediaEnv,
    redirects: d1RedirectWriter(db),
    images,
    onProgress: (done, total) => process.stderr.write(`\rPosts: ${done}/${total}`),
  })
  process.stderr.write('\n')
  console.log(reportLines(report).join('\n'))
  if (images.failed.some((image) => image.reason.startsWith('refused')))
    console.error('Images on a machine of this network: name it with --allow-host <host[:port]>.')
} finally {
  await proxy.dispose()
}
