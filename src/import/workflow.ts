import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from 'cloudflare:workers'
import { createDb } from '../db/client'
import { findImportJob, updateImportJob } from '../db/import-jobs'
import { fetchImages, imagesOf, type FetchedImages } from './images'
import { planImport, type ImportPlan, type PlannedPost } from './map'
import { readExport } from './read'
import { d1RedirectWriter } from './redirects'
import { reportImages, storeArchiveMedia } from './run'
import { emptyReport, ENTITY_KINDS, type ImportReport } from './report'
import { ImportFileError } from './source'
import { writeAuthorsAndCategories, writePosts, type Resolved } from './write'

export type ImportParams = { jobId: string }

/** Posts per step: each step is one invocation, and D1 counts its statements. */
export const POSTS_PER_STEP = 50
export const IMAGES_PER_STEP = 10

type StoredImages = Omit<FetchedImages, 'local'> & { local: [string, string][] }

const tempKey = (jobId: string, name: string) => `imports/${jobId}/${name}.json`

async function putJson(bucket: R2Bucket, key: string, value: unknown) {
  await bucket.put(key, JSON.stringify(value))
}

async function getJson<T>(bucket: R2Bucket, key: string): Promise<T> {
  const object = await bucket.get(key)
  if (!object) throw new Error(`missing ${key}`)
  return JSON.parse(await object.text()) as T
}

const revivePost = (post: PlannedPost): PlannedPost => ({
  ...post,
  publishedAt: post.publishedAt ? new Date(post.publishedAt) : null,
})

function addReport(into: ImportReport, part: ImportReport) {
  for (const kind of ENTITY_KINDS)
    for (const key of ['created', 'updated', 'unchanged', 'failed'] as const)
      into.counts[kind][key] += part.counts[kind][key]
  into.notes.push(...part.notes)
  into.skipped.push(...part.skipped)
  into.changed.push(...part.changed)
}

/**
 * An import started from the admin, in resumable steps: the images the posts use are downloaded
 * into the media store a few at a time, the file is read and planned once (the plan is kept in
 * R2), then authors and categories, then posts `POSTS_PER_STEP` at a time. Each
 * step adds to the job's report and progress, so a step retried after a failure resumes there.
 */
export class ImportWorkflow extends WorkflowEntrypoint<Env, ImportParams> {
  async run(event: WorkflowEvent<ImportParams>, step: WorkflowStep) {
    const { jobId } = event.payload
    const db = createDb(this.env.DB)
    const bucket = this.env.MEDIA
    const job = await step.do('load job', async () => {
      const found = await findImportJob(db, jobId)
      if (!found) throw new Error(`no import job ${jobId}`)
      return { fileKey: found.fileKey, dryRun: found.dryRun }
    })
    const options = { dryRun: job.dryRun, redirects: d1RedirectWriter(db) }

    // The images first, a few per step (each download can be slow), into the media store.
    const imageSteps = await step.do('find images', async () => {
      const file = await bucket.get(job.fileKey)
      if (!file) throw new Error('the uploaded file is gone')
      try {
        const urls = imagesOf(await readExport(file.body))
        await putJson(bucket, tempKey(jobId, 'image-urls'), urls)
        return Math.ceil(urls.length / IMAGES_PER_STEP)
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error
        await updateImportJob(db, jobId, { status: 'failed', error: error.message })
        return -1
      }
    })
    if (imageSteps < 0) return
    for (let n = 0; n < imageSteps; n++) {
      await step.do(`images ${n + 1} of ${imageSteps}`, async () => {
        const urls = await getJson<string[]>(bucket, tempKey(jobId, 'image-urls'))
        const slice = urls.slice(n * IMAGES_PER_STEP, (n + 1) * IMAGES_PER_STEP)
        const fetched = await fetchImages({ db, bucket }, slice, { dryRun: job.dryRun })
        await putJson(bucket, tempKey(jobId, `images-${n}`), {
          ...fetched,
          local: [...fetched.local],
        })
      })
    }

    const slices = await step.do('read and plan', async () => {
      const file = await bucket.get(job.fileKey)
      if (!file) throw new Error('the uploaded file is gone')
      const images: FetchedImages = { local: new Map(), reused: 0, failed: [] }
      for (let n = 0; n < imageSteps; n++) {
        const part = await getJson<StoredImages>(bucket, tempKey(jobId, `images-${n}`))
        for (const [url, local] of part.local) images.local.set(url, local)
        images.reused += part.reused
        images.failed.push(...part.failed)
      }
      const blog = await readExport(file.body)
      const report = emptyReport(blog.kind, job.dryRun)
      report.skipped.push(...blog.skipped)
      reportImages(report, images)
      await storeArchiveMedia(blog, report, { ...options, mediaEnv: { db, bucket } })
      const plan = planImport(blog, report, images.local)
      const { posts, ...rest } = plan
      await putJson(bucket, tempKey(jobId, 'plan'), { ...rest, postCount: posts.length })
      let count = 0
      for (let i = 0; i < posts.length; i += POSTS_PER_STEP)
        await putJson(
          bucket,
          tempKey(jobId, `posts-${count++}`),
          posts.slice(i, i + POSTS_PER_STEP),
        )
      await updateImportJob(db, jobId, { total: posts.length, report: JSON.stringify(report) })
      return count
    })

    const progress = async (part: ImportReport, done: number) => {
      const current = await findImportJob(db, jobId)
      const report = JSON.parse(current!.report) as ImportReport
      addReport(report, part)
      await updateImportJob(db, jobId, {
        report: JSON.stringify(report),
        done: current!.done + done,
      })
    }

    await step.do('authors and categories', async () => {
      const plan = await getJson<ImportPlan>(bucket, tempKey(jobId, 'plan'))
      const part = emptyReport('wordpress', job.dryRun)
      const resolved = await writeAuthorsAndCategories(db, { ...plan, posts: [] }, part, options)
      await putJson(bucket, tempKey(jobId, 'resolved'), {
        authors: [...resolved.authors],
        categories: [...resolved.categories],
      })
      await progress(part, 0)
    })

    for (let n = 0; n < slices; n++) {
      await step.do(`posts ${n + 1} of ${slices}`, async () => {
        const posts = (await getJson<PlannedPost[]>(bucket, tempKey(jobId, `posts-${n}`))).map(
          revivePost,
        )
        const stored = await getJson<{
          authors: [string, number][]
          categories: [string, number][]
        }>(bucket, tempKey(jobId, 'resolved'))
        const resolved: Resolved = {
          authors: new Map(stored.authors),
          categories: new Map(stored.categories),
        }
        const part = emptyReport('wordpress', job.dryRun)
        await writePosts(db, posts, resolved, part, options)
        await progress(part, posts.length)
      })
    }

    await step.do('finish', async () => {
      const keys = [
        'plan',
        'resolved',
        'image-urls',
        ...Array.from({ length: slices }, (_, n) => `posts-${n}`),
        ...Array.from({ length: imageSteps }, (_, n) => `images-${n}`),
      ]
      await bucket.delete(keys.map((name) => tempKey(jobId, name)))
      // The upload is kept after a dry run, for the real import that may follow.
      if (!job.dryRun) await bucket.delete(job.fileKey)
      await updateImportJob(db, jobId, { status: 'done' })
    })
  }
}
