import type { Db } from '../../../db/client'
import { chunk } from '../../../db/d1-limits'
import { storeMedia, type MediaEnv } from '../../media'
import { imageCollector, type FetchedImages } from './images'
import { planPosts, planSite, postsSurveyor, type PlannedPost, type PostsSurvey } from './map'
import { addReport, emptyReport, type ImportReport } from './report'
import type { SourceBlog, SourcePost } from './source'
import type { RedirectWriter } from './redirects'
import { writeAuthorsAndCategories, writePosts } from './write'
import { writeSite } from './site'
import type { PostSink } from './wxr'

export type ImportOptions = {
  dryRun: boolean
  redirects: RedirectWriter
  /** Images already downloaded into the media store (the command line does it first). */
  images?: FetchedImages
  onProgress?: (done: number, total: number) => void
  /** Where image files carried in the file itself (this blog's archive) are stored. */
  mediaEnv: MediaEnv
}

/** The images inside this blog's own archive go back to the media store under the same keys. */
export async function storeArchiveMedia(
  blog: SourceBlog,
  report: ImportReport,
  options: ImportOptions,
) {
  const tally = report.counts.images
  for (const item of blog.media ?? []) {
    if (options.dryRun) {
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

/** Reads the export (again): WordPress posts go to `onPosts` as they stream (see readExport). */
export type ExportReader = (onPosts: PostSink) => Promise<SourceBlog>

/** What a first reading of an export finds, before anything is planned or written. */
export type Survey = {
  /** The export without its posts and without an archive's image files. */
  blog: SourceBlog
  posts: PostsSurvey
  /** The images its posts use, to download before the posts are planned. */
  imageUrls: string[]
}

/**
 * Reads the whole export once, keeping all but its posts: a broken file is refused here, before
 * anything is written, and what must be known before the first post (the featured images'
 * attachments, the categories and months used) is known after it.
 */
export async function surveyExport(read: ExportReader): Promise<Survey> {
  const surveyor = postsSurveyor()
  const images = imageCollector()
  const take = (posts: SourcePost[]) => {
    surveyor.add(posts)
    images.add(posts)
  }
  const { posts, media, ...blog } = await read(take)
  take(posts)
  return {
    blog: { ...blog, posts: [] },
    posts: surveyor.result(),
    imageUrls: images.urls(blog.attachments),
  }
}

/** A report with what the survey and the image downloads already know. */
export function startReport(survey: Survey, options: ImportOptions) {
  const report = emptyReport(survey.blog.kind, options.dryRun)
  report.skipped.push(...survey.blog.skipped)
  reportImages(report, options.images ?? { local: new Map(), reused: 0, failed: [] })
  return report
}

/**
 * Reads the export again and plans its posts as they come, handing them to `onPlanned` `size` at
 * a time: only a slice of posts is held at once. An archive's image files are stored first.
 */
export async function planPostSlices(
  read: ExportReader,
  survey: Survey,
  report: ImportReport,
  options: ImportOptions,
  size: number,
  onPlanned: (posts: PlannedPost[]) => Promise<void>,
) {
  const local = options.images?.local ?? new Map<string, string>()
  const pending: PlannedPost[] = []
  const plan = async (sources: SourcePost[]) => {
    pending.push(...planPosts(sources, survey.blog, report, local))
    while (pending.length >= size) await onPlanned(pending.splice(0, size))
  }
  const blog = await read(plan)
  await storeArchiveMedia(blog, report, options)
  for (const sources of chunk(blog.posts, size)) await plan(sources)
  if (pending.length) await onPlanned(pending.splice(0))
}

/** Posts the command line plans and writes at a time. */
export const POSTS_PER_SLICE = 100

/**
 * Plans and writes (or, in a dry run, only counts) a surveyed export, reading its posts again
 * slice by slice; returns the report.
 */
export async function importSurveyed(
  db: Db,
  read: ExportReader,
  survey: Survey,
  options: ImportOptions,
): Promise<ImportReport> {
  const report = startReport(survey, options)
  const site = planSite(survey.blog, survey.posts, report)
  const resolved = await writeAuthorsAndCategories(db, site, report, options)
  // What writing finds comes after what planning found, as when the whole plan came first.
  const writes = emptyReport(survey.blog.kind, options.dryRun)
  let done = 0
  await planPostSlices(read, survey, report, options, POSTS_PER_SLICE, async (posts) => {
    await writePosts(db, posts, resolved, writes, options)
    options.onProgress?.((done += posts.length), survey.posts.count)
  })
  // Last: the menus link to pages, the settings name images, and both must be here by now.
  await writeSite(db, survey.blog.site, writes, options.dryRun)
  addReport(report, writes)
  return report
}

/** Plans and writes (or, in a dry run, only counts) an export held in memory; returns the report. */
export async function runImport(
  db: Db,
  blog: SourceBlog,
  options: ImportOptions,
): Promise<ImportReport> {
  const read = async () => blog
  return importSurveyed(db, read, await surveyExport(read), options)
}
