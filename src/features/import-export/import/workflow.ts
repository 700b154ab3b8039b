import type { WorkflowEntrypoint, WorkflowEvent, WorkflowStep } from 'cloudflare:workers'
import { createDb, type Db } from '../../../db/client'
import { failImportJob } from './job-recovery'
import { findImportJob, updateImportJob } from './jobs'
import { UPLOAD_ARCHIVE_LIMITS } from './archive-limits'
import { fetchImages, type FetchedImages } from './images'
import { planSite, type PlannedPost, type SitePlan } from './map'
import { readExport } from './read'
import { d1RedirectWriter } from './redirects'
import { planPostSlices, startReport, surveyExport, type ExportReader, type Survey } from './run'
import { addReport, emptyReport, type ImportReport } from './report'
import { ImportFileError, type SourceBlog } from './source'
import { importTempPrefix } from './stop-job'
import { errorMessage, jobStep, type JobStep } from './job-steps'
import { writeAuthorsAndCategories, writePosts, type Resolved } from './write'
import { writeSite } from './site'

export type ImportParams = {
  jobId: string
  /** Exceptions to the image fetcher's address checks (local development only, see the route). */
  allowedHosts?: string[]
}

/** Posts per step: each step is one invocation, and D1 counts its statements. */
export const POSTS_PER_STEP = 50
export const IMAGES_PER_STEP = 10

type StoredImages = Omit<FetchedImages, 'local'> & { local: [string, string][] }

const tempKey = (jobId: string, name: string) => `${importTempPrefix(jobId)}${name}.json`

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

type StoredSurvey = Omit<Survey, 'blog'> & {
  blog: Omit<SourceBlog, 'attachments'> & { attachments: [string, string][] }
}

/**
 * An import started from the admin, in resumable steps: the file is read through once (what it
 * holds besides its posts is kept in R2), the images the posts use are downloaded into the media
 * store a few at a time, the file is read again and its posts planned as they stream (kept in R2
 * `POSTS_PER_STEP` at a time, never all in memory), then authors and categories are written,
 * then posts a slice per step. Each
 * step adds to the job's report and progress, so a step retried after a failure resumes there.
 * Once a step's retries are spent, the job is marked failed with its error.
 *
 * Built from the runtime's `WorkflowEntrypoint`, handed in by src/index.tsx: the command line
 * loads this feature too, in Node, where `cloudflare:workers` does not exist.
 */
export const importWorkflowClass = (Base: typeof WorkflowEntrypoint<Env, ImportParams>) =>
  class ImportWorkflow extends Base {
    async run(event: WorkflowEvent<ImportParams>, step: WorkflowStep) {
      const { jobId, allowedHosts } = event.payload
      const db = createDb(this.env.DB)
      try {
        await this.runSteps(jobId, db, jobStep(step, db, jobId), allowedHosts)
      } catch (error) {
        await step.do('record the failure', () => failImportJob(db, jobId, errorMessage(error)))
        throw error
      }
    }

    private async runSteps(
      jobId: string,
      db: Db,
      step: JobStep,
      allowedHosts: string[] | undefined,
    ) {
      const bucket = this.env.MEDIA
      const job = await step.do('load job', async () => {
        const found = await findImportJob(db, jobId)
        if (!found) throw new Error(`no import job ${jobId}`)
        return { fileKey: found.fileKey, dryRun: found.dryRun }
      })
      const options = { dryRun: job.dryRun, redirects: d1RedirectWriter(db) }
      const read: ExportReader = async (onPosts) => {
        const file = await bucket.get(job.fileKey)
        if (!file) throw new Error('the uploaded file is gone')
        // An uploaded archive is unpacked within what a Workflow step's 128 MB can hold.
        return readExport(file.body, onPosts, UPLOAD_ARCHIVE_LIMITS)
      }

      // The whole file is read once first: a broken file fails the job before anything is written,
      // and what the posts need (images, attachments, categories) is known before the first one.
      const imageSteps = await step.do('read the file', async () => {
        try {
          const survey = await surveyExport(read)
          const stored: StoredSurvey = {
            ...survey,
            blog: { ...survey.blog, attachments: [...survey.blog.attachments] },
          }
          await putJson(bucket, tempKey(jobId, 'survey'), stored)
          await putJson(bucket, tempKey(jobId, 'image-urls'), survey.imageUrls)
          return Math.ceil(survey.imageUrls.length / IMAGES_PER_STEP)
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
          const fetched = await fetchImages({ db, bucket }, slice, {
            dryRun: job.dryRun,
            allowedHosts,
          })
          await putJson(bucket, tempKey(jobId, `images-${n}`), {
            ...fetched,
            local: [...fetched.local],
          })
        })
      }

      // Read again, the posts are planned as they stream and kept in R2 a step's worth at a time.
      const slices = await step.do('read and plan', async () => {
        const images: FetchedImages = { local: new Map(), reused: 0, failed: [] }
        for (let n = 0; n < imageSteps; n++) {
          const part = await getJson<StoredImages>(bucket, tempKey(jobId, `images-${n}`))
          for (const [url, local] of part.local) images.local.set(url, local)
          images.reused += part.reused
          images.failed.push(...part.failed)
        }
        const stored = await getJson<StoredSurvey>(bucket, tempKey(jobId, 'survey'))
        const survey: Survey = {
          ...stored,
          blog: { ...stored.blog, attachments: new Map(stored.blog.attachments) },
        }
        const planOptions = { ...options, images, mediaEnv: { db, bucket } }
        const report = startReport(survey, planOptions)
        await putJson(bucket, tempKey(jobId, 'plan'), planSite(survey.blog, survey.posts, report))
        let count = 0
        await planPostSlices(read, survey, report, planOptions, POSTS_PER_STEP, (posts) =>
          putJson(bucket, tempKey(jobId, `posts-${count++}`), posts),
        )
        await updateImportJob(db, jobId, {
          total: survey.posts.count,
          report: JSON.stringify(report),
        })
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
        const plan = await getJson<SitePlan>(bucket, tempKey(jobId, 'plan'))
        const part = emptyReport('wordpress', job.dryRun)
        const resolved = await writeAuthorsAndCategories(db, plan, part, options)
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

      await step.do('settings and navigation', async () => {
        const stored = await getJson<StoredSurvey>(bucket, tempKey(jobId, 'survey'))
        const part = emptyReport('archive', job.dryRun)
        await writeSite(db, stored.blog.site, part, job.dryRun)
        await progress(part, 0)
      })

      await step.do('finish', async () => {
        const keys = [
          'survey',
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

export type ImportWorkflow = InstanceType<ReturnType<typeof importWorkflowClass>>
