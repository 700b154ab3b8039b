/**
 * Importer speed and memory (part of `npm run bench`): a generated WordPress export of 10,000 terms
 * and 1,000, then 5,000 posts, written to a temporary file as a stream and imported into a fresh
 * local D1 through the same code as `npm run import` (images off): read through once, then read
 * again and written a slice at a time. Each size runs in a process of its own, so each starts
 * from the same memory. Prints posts per second and the resident memory before the import (the
 * baseline: Node with wrangler's local platform loaded), its peak during the import and the
 * growth, and the heap still in use after a full collection, before and after the import.
 * BENCH_IMPORT_POSTS (one size, this process) and BENCH_IMPORT_TERMS shrink it while working.
 */
import { spawnSync } from 'node:child_process'
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { getPlatformProxy } from 'wrangler'
import { createDb } from '../../src/db/client'
import { readExport } from '../../src/features/import-export/import/read'
import { d1RedirectWriter } from '../../src/features/import-export/import/redirects'
import { importSurveyed, surveyExport, type ExportReader } from '../../src/features/import-export/import/run'
import { generatedWxr } from '../support/generated-wxr'

process.env.WRANGLER_SEND_METRICS ??= 'false'
const SIZES = [1_000, 5_000]
const TERMS = Number(process.env.BENCH_IMPORT_TERMS ?? 10_000)
const MB = 1e6

/** Resident memory, sampled often: the sampler cannot run while a D1 call blocks the thread. */
function memorySampler() {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss),
    stop: () => clearInterval(timer),
  }
}

/** The JavaScript heap still in use after a full collection (when run with --expose-gc). */
function keptHeap() {
  if (!globalThis.gc) return null
  globalThis.gc()
  return process.memoryUsage().heapUsed
}

async function benchOneSize(posts: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-bench-'))
  const file = path.join(dir, 'export.xml')
  await pipeline(Readable.from(generatedWxr({ posts, terms: TERMS })), createWriteStream(file))
  const megabytes = (statSync(file).size / MB).toFixed(1)
  const proxy = await getPlatformProxy<Env>({ persist: { path: dir } })
  try {
    const migrations = path.resolve(import.meta.dirname, '../../migrations')
    for (const name of readdirSync(migrations)
      .filter((f) => f.endsWith('.sql'))
      .sort())
      for (const statement of readFileSync(path.join(migrations, name), 'utf8').split(
        '--> statement-breakpoint',
      ))
        if (statement.trim()) await proxy.env.DB.prepare(statement).run()
    const db = createDb(proxy.env.DB)
    const read: ExportReader = (onPosts) =>
      readExport(Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, onPosts)

    const heapBefore = keptHeap()
    const baseline = process.memoryUsage().rss
    const memory = memorySampler()
    const started = performance.now()
    const survey = await surveyExport(read)
    const surveyed = performance.now()
    const report = await importSurveyed(db, read, survey, {
      dryRun: false,
      redirects: d1RedirectWriter(db),
      mediaEnv: { db, bucket: proxy.env.MEDIA },
      onProgress: (done) =>
        process.env.BENCH_TRACE &&
        console.log(done, ((performance.now() - started) / 1000).toFixed(1)),
    })
    const seconds = (performance.now() - started) / 1000
    memory.stop()
    const peak = memory.peak()
    const heapAfter = keptHeap()
    console.log(
      `Import of ${posts} posts and ${TERMS} terms (${megabytes} MB WXR): ` +
        `${(posts / seconds).toFixed(0)} posts/s (${seconds.toFixed(1)} s, first reading ` +
        `${((surveyed - started) / 1000).toFixed(1)} s); memory: baseline ${(baseline / MB).toFixed(0)} MB, ` +
        `peak ${(peak / MB).toFixed(0)} MB, growth ${((peak - baseline) / MB).toFixed(0)} MB` +
        (heapAfter === null || heapBefore === null
          ? '; '
          : ` (heap kept after collection: ${(heapBefore / MB).toFixed(0)} MB before, ${(heapAfter / MB).toFixed(0)} MB after); `) +
        `${report.counts.posts.created} posts, ${report.counts.categories.created} categories, ` +
        `${report.counts.redirects.created} redirects written`,
    )
  } finally {
    await proxy.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.env.BENCH_IMPORT_POSTS) await benchOneSize(Number(process.env.BENCH_IMPORT_POSTS))
else
  for (const posts of SIZES) {
    const argv = [...process.execArgv, '--expose-gc', ...process.argv.slice(1)]
    const run = spawnSync(process.execPath, argv, {
      env: { ...process.env, BENCH_IMPORT_POSTS: String(posts) },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    if (run.status !== 0) process.exit(run.status ?? 1)
  }
