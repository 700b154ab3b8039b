import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sValidator } from '@hono/standard-validator'
import * as v from 'valibot'
import { createImportJob, findImportJob } from './import/jobs'
import {
  cancelImportJob,
  isStuck,
  listFailedOrStuckImportJobs,
  takeImportJobForRetry,
} from './import/job-recovery'
import { exportArchive } from './export/archive'
import { stopImportJob } from './import/stop-job'
import { importMessagesFor } from './messages'
import { localAllowedHosts } from '../../lib/safe-fetch'
import { ownerOnly, requireEditor } from '../auth'
import { readSiteSettings } from '../settings'
import type { AdminEnv, EditorEnv } from '../../types'
import { importUploadSchema, MAX_UPLOAD_MB } from './schemas'
import { ImportJobPage, ImportPage } from './views/import-page'
import { validParams } from '../../lib/validation/form'

/** Import jobs are named by a random UUID; anything else that is no id is no page. */
const jobParams = validParams(v.object({ id: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/)) }))

const uploadKey = (id: string) => `imports/${id}/upload`

async function renderForm(c: Context<EditorEnv>, error?: string) {
  const m = importMessagesFor(c.var.site.locale)
  const now = Date.now()
  const stopped = await listFailedOrStuckImportJobs(c.var.db, now)
  return c.render(
    <ImportPage
      a={c.var.a}
      m={m}
      editor={c.var.editor}
      site={c.var.site}
      now={now}
      error={error}
      stopped={stopped}
    />,
    { title: m.title, admin: true },
  )
}

async function requireJob(c: Context<EditorEnv>, id: string) {
  const job = await findImportJob(c.var.db, id)
  if (!job) throw new HTTPException(404)
  return job
}

async function startJob(
  c: Context<EditorEnv>,
  job: { fileKey: string; fileName: string; dryRun: boolean },
) {
  const id = crypto.randomUUID()
  await createImportJob(c.var.db, { id, ...job, createdBy: c.var.editor.id })
  // As for curation, CURATION_ALLOW_HOSTS counts only on this machine (see localAllowedHosts).
  const allowedHosts = localAllowedHosts(c.req.url, c.env.CURATION_ALLOW_HOSTS)
  await c.env.IMPORT.create({ id, params: { jobId: id, allowedHosts } })
  return c.redirect(`/admin/import/${id}`, 303)
}

/**
 * Owner only: an upload is checked in a dry run first, then imported on confirmation; both run
 * as the import Workflow, and the job page shows progress and the report. The export is a
 * download of the whole blog.
 */
export const adminImportRoutes = new Hono<AdminEnv>()
  .use(
    requireEditor,
    ownerOnly((c) => importMessagesFor(c.var.site.locale).ownerOnly),
  )
  .get('/', (c) => renderForm(c))
  .post(
    '/',
    sValidator('form', importUploadSchema, async (result, c: Context<EditorEnv>) => {
      if (result.success) return
      const m = importMessagesFor(c.var.site.locale)
      const code = result.error[0].message
      c.status(422)
      return renderForm(c, code === 'fileTooLarge' ? m.fileTooLarge(MAX_UPLOAD_MB) : m.fileRequired)
    }),
    async (c) => {
      const { file } = c.req.valid('form')
      const key = uploadKey(crypto.randomUUID())
      await c.env.MEDIA.put(key, file.stream(), { httpMetadata: { contentType: file.type } })
      return startJob(c, { fileKey: key, fileName: file.name.slice(0, 200), dryRun: true })
    },
  )
  .get('/export.zip', async (c) => {
    const day = new Date().toISOString().slice(0, 10)
    const { settings } = await readSiteSettings(c.var.db, c.env)
    // Commenters' emails leave only when the owner asks for them (`?comment_emails=1`).
    const commentEmails = c.req.query('comment_emails') === '1'
    const archive = exportArchive({ db: c.var.db, bucket: c.env.MEDIA }, settings, new Date(), {
      commentEmails,
    })
    return new Response(archive, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="blog-export-${day}.zip"`,
        'Cache-Control': 'no-store',
      },
    })
  })
  .get('/:id', jobParams, async (c) => {
    const job = await findImportJob(c.var.db, c.req.valid('param').id)
    if (!job) throw new HTTPException(404)
    const m = importMessagesFor(c.var.site.locale)
    const now = Date.now()
    // Without JavaScript too, the page comes back by itself until the import is over (or stuck).
    if (job.status === 'running' && !isStuck(job, now)) c.header('Refresh', '2')
    // The Workflow wrote elsewhere: the owner, seeing it done, then sees the posts it brought.
    if (job.status === 'done' && !job.dryRun) c.set('contentChanged', true)
    return c.render(
      <ImportJobPage
        a={c.var.a}
        m={m}
        editor={c.var.editor}
        site={c.var.site}
        now={now}
        job={job}
      />,
      { title: m.title, admin: true },
    )
  })
  .post('/:id/run', jobParams, async (c) => {
    const job = await findImportJob(c.var.db, c.req.valid('param').id)
    if (!job || !job.dryRun || job.status !== 'done') throw new HTTPException(404)
    return startJob(c, { fileKey: job.fileKey, fileName: job.fileName, dryRun: false })
  })
  // A failed or stuck job is started again as a new job on the same file; the old one stops.
  .post('/:id/retry', jobParams, async (c) => {
    const job = await requireJob(c, c.req.valid('param').id)
    const taken = await takeImportJobForRetry(c.var.db, job.id)
    if (!taken)
      throw new HTTPException(409, { message: importMessagesFor(c.var.site.locale).notStopped })
    await stopImportJob(c.env, job.id)
    return startJob(c, { fileKey: job.fileKey, fileName: job.fileName, dryRun: job.dryRun })
  })
  .post('/:id/cancel', jobParams, async (c) => {
    const job = await requireJob(c, c.req.valid('param').id)
    if (!(await cancelImportJob(c.var.db, job.id)))
      throw new HTTPException(409, { message: importMessagesFor(c.var.site.locale).over })
    await stopImportJob(c.env, job.id)
    return c.redirect('/admin/import', 303)
  })
