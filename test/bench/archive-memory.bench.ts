/**
 * Memory of reading an uploaded archive (part of `npm run bench`): the import Workflow reads an
 * upload from R2 as a stream with UPLOAD_ARCHIVE_LIMITS, in an isolate of 128 MB. Here the same
 * reader gets the same limits and a file stream, one archive per child process, and the process's
 * peak JavaScript memory (heap and array buffers, what an isolate's limit counts), sampled between
 * the stream's chunks, is printed above what the process held before reading. The archives: a 1 MB zip holding 1 GiB of zeros, a zip of
 * 200,000 empty files, and the largest upload the admin takes (50 MB) of incompressible files.
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { once } from 'node:events'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { UPLOAD_ARCHIVE_LIMITS } from '../../src/features/import-export/import/archive-limits'
import { readExport } from '../../src/features/import-export/import/read'

const MB = 1024 * 1024
const WORKFLOW_MEMORY_MB = 128

type Archive = { name: string; write: (zip: Zip) => void }

const ARCHIVES: Archive[] = [
  {
    name: '1 GiB of zeros in one file',
    write: (zip) => {
      const file = new ZipDeflate('zeros.bin', { level: 9 })
      zip.add(file)
      const zeros = new Uint8Array(MB)
      for (let i = 0; i < 1024; i++) file.push(zeros, i === 1023)
    },
  },
  {
    name: '200,000 empty files',
    write: (zip) => {
      for (let i = 0; i < 200_000; i++) {
        const file = new ZipPassThrough(`empty-${i}.md`)
        zip.add(file)
        file.push(new Uint8Array(0), true)
      }
    },
  },
  {
    name: '50 MB of incompressible files',
    write: (zip) => {
      for (let i = 0; i < 50; i++) {
        const file = new ZipPassThrough(`media/photo-${i}.jpg`)
        zip.add(file)
        const bytes = new Uint8Array(MB - 4 * 1024)
        for (let at = 0; at < bytes.length; at += 65_536)
          crypto.getRandomValues(bytes.subarray(at, at + 65_536))
        file.push(bytes, true)
      }
    },
  },
]

async function writeArchive(archive: Archive, file: string) {
  const out = createWriteStream(file)
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error
    out.write(chunk)
    if (final) out.end()
  })
  archive.write(zip)
  zip.end()
  await once(out, 'finish')
}

/** What counts toward an isolate's memory: its heap and the array buffers it holds. */
const heldMb = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return (heapUsed + arrayBuffers) / MB
}

/** In the child: reads one archive and prints a JSON line of what happened. */
async function readOne(file: string) {
  globalThis.gc?.()
  const before = heldMb()
  // The reader awaits each 64 KB chunk of the file, so the sampler runs between them.
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, heldMb())), 2)
  let outcome: string
  try {
    const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>
    const blog = await readExport(stream, undefined, UPLOAD_ARCHIVE_LIMITS)
    outcome = `read: ${blog.posts.length} posts`
  } catch (error) {
    outcome = `refused: ${error instanceof Error ? error.message : String(error)}`
  }
  clearInterval(sampler)
  peak = Math.max(peak, heldMb())
  console.log(JSON.stringify({ before, peak, outcome }))
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-memory-'))
  try {
    console.log(
      `Reading uploaded archives with UPLOAD_ARCHIVE_LIMITS (${UPLOAD_ARCHIVE_LIMITS.totalBytes / MB} MB unpacked at most); the Workflow's isolate has ${WORKFLOW_MEMORY_MB} MB.`,
    )
    for (const archive of ARCHIVES) {
      const file = path.join(dir, 'archive.zip')
      await writeArchive(archive, file)
      const zipMb = (statSync(file).size / MB).toFixed(1)
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', import.meta.filename, '--read', file],
        { encoding: 'utf8', maxBuffer: 16 * MB },
      )
      const line = child.stdout.trim().split('\n').pop() ?? ''
      if (child.status !== 0 || !line.startsWith('{'))
        throw new Error(`${archive.name}: the reader failed\n${child.stderr}`)
      const { before, peak, outcome } = JSON.parse(line)
      console.log(
        `${archive.name} (${zipMb} MB zip): ${outcome}\n` +
          `  peak JavaScript memory (heap and array buffers) ${(peak - before).toFixed(1)} MB above what was held before reading`,
      )
      rmSync(file)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const readAt = process.argv.indexOf('--read')
await (readAt > 0 ? readOne(process.argv[readAt + 1]) : main())
