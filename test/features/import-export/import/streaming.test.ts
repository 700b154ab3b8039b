import { env } from 'cloudflare:workers'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { posts } from '../../../../src/db/schema'
import type { PlannedPost } from '../../../../src/features/import-export/import/map'
import { readExport, readExportText } from '../../../../src/features/import-export/import/read'
import { d1RedirectWriter } from '../../../../src/features/import-export/import/redirects'
import { emptyReport } from '../../../../src/features/import-export/import/report'
import {
  importSurveyed,
  planPostSlices,
  POSTS_PER_SLICE,
  runImport,
  surveyExport,
  type ExportReader,
} from '../../../../src/features/import-export/import/run'
import { ImportFileError, type SourcePost } from '../../../../src/features/import-export/import/source'
import { parseWxr } from '../../../../src/features/import-export/import/wxr'
import { db } from '../../../fixtures'
import { writtenPosts } from '../../../post-rows'
import { generatedWxr } from '../../../support/generated-wxr'
import edgeCases from './fixtures/edge-cases.xml?raw'
import ghost from './fixtures/ghost-export.json?raw'
import sample from './fixtures/wordpress-export-sample.xml?raw'

/** An export as a byte stream, one part per chunk; `onPart` hears of each part before it goes. */
function streamOf(parts: string[], onPart: (index: number) => unknown = () => {}) {
  let index = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (index === parts.length) return controller.close()
      await onPart(index)
      controller.enqueue(new TextEncoder().encode(parts[index++]))
    },
  })
}

const postCount = async () => (await db.select({ n: count() }).from(posts))[0].n

async function wipe() {
  await env.DB.batch(
    ['imported_items', 'posts', 'categories', 'authors', 'redirects'].map((table) =>
      env.DB.prepare(`DELETE FROM ${table}`),
    ),
  )
}

describe('reading a WordPress export as a stream', () => {
  it('hands posts over as they are parsed, before the file is read through', async () => {
    const parts = [...generatedWxr({ posts: 30 })]
    let read = 0
    async function* chunks() {
      for (const part of parts) {
        read++
        yield part
      }
    }
    const handedOver: { posts: SourcePost[]; read: number }[] = []
    const blog = await parseWxr(chunks(), (slice) => {
      handedOver.push({ posts: slice, read })
    })
    expect(handedOver[0].read).toBeLessThan(parts.length / 2)
    expect(handedOver.flatMap((h) => h.posts).map((p) => p.slug)).toEqual(
      Array.from({ length: 30 }, (_, i) => `billet-${i + 1}`),
    )
    expect(blog.posts).toEqual([])
    expect(blog.authors).toHaveLength(20)
  })

  it('plans posts slice by slice while the file streams in', async () => {
    const parts = [...generatedWxr({ posts: 250 })]
    let reached = 0
    const read: ExportReader = (onPosts) =>
      readExport(
        streamOf(parts, (index) => (reached = index)),
        onPosts,
      )
    const survey = await surveyExport(read)
    expect(survey.posts.count).toBe(250)
    const slices: { size: number; reached: number }[] = []
    const report = emptyReport('wordpress', true)
    await planPostSlices(
      read,
      survey,
      report,
      { dryRun: true, redirects: async () => 0, mediaEnv: { db, bucket: env.MEDIA } },
      100,
      (planned: PlannedPost[]) => {
        slices.push({ size: planned.length, reached })
        return Promise.resolve()
      },
    )
    expect(slices.map((s) => s.size)).toEqual([100, 100, 50])
    expect(slices[0].reached).toBeLessThan(parts.length / 2)
  })

  it('refuses a file broken past its first posts in the first reading, before any write', async () => {
    const text = [...generatedWxr({ posts: 20 })].join('').replace('</channel></rss>', '')
    let handedOver = 0
    const read: ExportReader = (onPosts) =>
      readExportText(text, (slice) => {
        handedOver += slice.length
        return onPosts(slice)
      })
    await expect(surveyExport(read)).rejects.toThrow(ImportFileError)
    expect(handedOver).toBe(20)
    expect(await postCount()).toBe(0)
  })
})

describe('importing a WordPress export as a stream', () => {
  it('writes the first slices before the file is read through', async () => {
    const total = POSTS_PER_SLICE * 2 + 10
    const parts = [...generatedWxr({ posts: total, firstId: 5_000 })]
    const countsSeen: number[] = []
    const read: ExportReader = (onPosts) =>
      readExport(
        streamOf(parts, async (index) => {
          if (index === parts.length - 1) countsSeen.push(await postCount())
        }),
        onPosts,
      )
    const survey = await surveyExport(read)
    const progress: number[] = []
    const report = await importSurveyed(db, read, survey, {
      dryRun: false,
      redirects: d1RedirectWriter(db),
      mediaEnv: { db, bucket: env.MEDIA },
      onProgress: (done) => progress.push(done),
    })
    // First reading: nothing written yet; second: two slices written before the last part.
    expect(countsSeen).toEqual([0, POSTS_PER_SLICE * 2])
    expect(progress).toEqual([POSTS_PER_SLICE, POSTS_PER_SLICE * 2, total])
    expect(report.counts.posts.created).toBe(total)
    expect(await postCount()).toBe(total)
    await wipe()
  })

  it('reports and writes what importing the whole file at once does', async () => {
    for (const text of [sample, edgeCases, ghost]) {
      const read: ExportReader = (onPosts) => readExportText(text, onPosts)
      const options = {
        dryRun: false,
        redirects: d1RedirectWriter(db),
        mediaEnv: { db, bucket: env.MEDIA },
      }
      const streamed = await importSurveyed(db, read, await surveyExport(read), options)
      const streamedRows = await writtenPosts()
      await wipe()
      const whole = await runImport(db, await readExportText(text), options)
      expect(streamed).toEqual(whole)
      expect(streamedRows).toEqual(await writtenPosts())
      await wipe()
    }
  })
})
