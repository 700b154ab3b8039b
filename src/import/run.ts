import type { Db } from '../db/client'
import { storeMedia, type MediaEnv } from '../media/store'
import type { FetchedImages } from './images'
import { planImport } from './map'
import { emptyReport, type ImportReport } from './report'
import type { SourceBlog } from './source'
import type { RedirectWriter } from './redirects'
import { writePlan } from './write'

export type ImportOptions = {
  dryRun: boolean
  redirects: RedirectWriter
  /** Images already downloaded into the media store (the command line does it first). */
  images?: FetchedImages
  onProgress?: (done: number, total: number) => void
  /** Where image files carried in the file itself (this blog's archive) are stored. */
  mediaEnv?: MediaEnv
}

/** The images inside this blog's own archive go back to the media store under the same keys. */
export async function storeArchiveMedia(
  blog: SourceBlog,
  report: ImportReport,
  options: ImportOptions,
) {
  const tally = report.counts.images
  for (const item of blog.media ?? []) {
    if (options.dryRun || !options.mediaEnv) {
      tally.created++
      continue
    }
    const stored = await storeMedia(options.mediaEnv, {
      bytes: item.bytes,
      createdBy: null,
      alt: item.alt,
    })
    if (!stored.ok) {
      tally.failed++
      report.skipped.push({ kind: 'image', title: item.key, reason: stored.message })
    } else {
      tally[stored.deduplicated ? 'unchanged' : 'created']++
      if (stored.media.key !== item.key)
        report.changed.push({
          kind: 'image',
          title: item.key,
          reason: `stored as ${stored.media.key}`,
        })
    }
  }
}

/** Counts the downloaded images and lists those that stay links. */
export function reportImages(report: ImportReport, images: FetchedImages) {
  report.counts.images.created = images.local.size - images.reused
  report.counts.images.unchanged = images.reused
  report.counts.images.failed = images.failed.length
  for (const failed of images.failed)
    report.skipped.push({
      kind: 'image',
      title: failed.url,
      reason: `${failed.reason}; kept as a link`,
    })
}

/** Plans and writes (or, in a dry run, only counts) a whole export; returns the report. */
export async function runImport(
  db: Db,
  blog: SourceBlog,
  options: ImportOptions,
): Promise<ImportReport> {
  const report = emptyReport(blog.kind, options.dryRun)
  report.skipped.push(...blog.skipped)
  const images = options.images ?? { local: new Map(), reused: 0, failed: [] }
  reportImages(report, images)
  await storeArchiveMedia(blog, report, options)
  const plan = planImport(blog, report, images.local)
  await writePlan(db, plan, report, options, 25, options.onProgress)
  return report
}
