import { introspectWorkflowInstance } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { count, eq } from 'drizzle-orm'
import { exports } from 'cloudflare:workers'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { authors, importJobs, media, posts, type ImportJob } from '../../../src/db/schema'
import { createEditor, logIn, ORIGIN, request } from '../../admin-helpers'
import { db } from '../../fixtures'
import { generatedWxr } from '../../support/generated-wxr'
import sample from './import/fixtures/wordpress-export-sample.xml?raw'

const postCount = async () => (await db.select({ n: count() }).from(posts))[0].n

type Send = typeof request

/**
 * A request addressed to this machine, as in `wrangler dev`: CURATION_ALLOW_HOSTS counts, so the
 * Workflow may download the images from the local image server.
 */
const localRequest: Send = (path, init = {}) => {
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('Cookie', init.cookie)
  if (init.method === 'POST') headers.set('Origin', 'http://localhost')
  return exports.default.fetch(`http://localhost${path}`, { ...init, headers, redirect: 'manual' })
}

function upload(cookie: string, text: string, name = 'export.xml', send: Send = request) {
  const form = new FormData()
  form.append('file', new File([text], name, { type: 'text/xml' }))
  return send('/admin/import', {
    method: 'POST',
    body: form,
    cookie,
    headers: { Origin: ORIGIN },
  })
}

/** The paths under `/<tag>/` the image server was asked for. */
async function imagesRequestedUnder(tag: string) {
  const paths = (await (await fetch(`${inject('imageServer')}/requests`)).json()) as string[]
  return paths.filter((path) => path.startsWith(`/${tag}/`))
}

/** Follows the job page until the Workflow is over; returns its last HTML. */
async function waitForJob(cookie: string, location: string, send: Send = request) {
  for (let i = 0; i < 100; i++) {
    const page = await send(location, { cookie })
    const html = await page.text()
    if (page.headers.get('Refresh') === null) return html
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the import did not finish')
}

describe('the admin import and export', () => {
  let owner: string
  let editor: string
  beforeAll(async () => {
    await createEditor('owner@example.org', 'owner')
    await createEditor('editor@example.org', 'editor')
    owner = await logIn('owner@example.org')
    editor = await logIn('editor@example.org')
  })

  it('is for the owner only', async () => {
    const refused = await request('/admin/import', { cookie: editor })
    expect(refused.status).toBe(403)
    const html = await refused.text()
    expect(html).toContain('Only the owner can import or export the blog.')
    expect(html).not.toContain('manage editors')
    expect((await upload(editor, sample)).status).toBe(403)
    expect((await request('/admin/import/export.zip', { cookie: editor })).status).toBe(403)
    expect((await request('/admin/import', { cookie: owner })).status).toBe(200)
  })

  it('gives the form back with an error by the field when no file is sent', async () => {
    const response = await upload(owner, '')
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('id="import-file-error"')
    expect(html).toContain('Choose the export file to import.')
  })

  it('runs a dry run in Workflow steps with a progress bar, then imports on confirmation', async () => {
    const tag = crypto.randomUUID()
    const text = sample.replaceAll(
      'http://127.0.0.1:8080/wp-content/',
      `${inject('imageServer')}/${tag}/wp-content/`,
    )
    const started = await upload(owner, text, 'export.xml', localRequest)
    expect(started.status).toBe(303)
    const jobPage = started.headers.get('Location')!
    expect(jobPage).toMatch(/^\/admin\/import\/[0-9a-f-]{36}$/)
    const first = await localRequest(jobPage, { cookie: owner })
    expect(await first.text()).toContain('<progress id="import-progress"')

    const dryRun = await waitForJob(owner, jobPage, localRequest)
    expect(dryRun).toContain('Dry run finished: nothing was written.')
    expect(dryRun).toMatch(/<tr data-kind="posts"><th scope="row">posts<\/th><td>9<\/td>/)
    // Its pages become pages: "Sample Page", "Privacy Policy" (a draft) and "À propos".
    expect(dryRun).toMatch(/<tr data-kind="pages"><th scope="row">pages<\/th><td>3<\/td>/)
    expect(dryRun).toContain('<progress id="import-progress" value="12" max="12">')
    expect(await postCount()).toBe(0)
    expect(await db.select().from(media)).toHaveLength(0)
    // A dry run only checks the images' addresses: the old site is not asked for any.
    expect(await imagesRequestedUnder(tag)).toEqual([])

    const confirmed = await localRequest(`${jobPage}/run`, { method: 'POST', cookie: owner })
    expect(confirmed.status).toBe(303)
    const done = await waitForJob(owner, confirmed.headers.get('Location')!, localRequest)
    expect(done).toContain('Import finished.')
    expect(await postCount()).toBe(12)
    // The images the posts use were downloaded into the media store by the Workflow's steps.
    expect(done).toMatch(/<tr data-kind="images"><th scope="row">images<\/th><td>2<\/td>/)
    expect(await db.select().from(media)).toHaveLength(2)
    expect((await imagesRequestedUnder(tag)).length).toBeGreaterThanOrEqual(2)
    // The owner saw the import finish: their data centre's page cache knows the new addresses.
    expect((await localRequest('/?p=72')).headers.get('Location')).toBe('/posts/cafe-a-lhotel')
  })

  it('refuses, when deployed, images on this machine, without requesting them', async () => {
    const tag = crypto.randomUUID()
    const text = sample.replaceAll(
      'http://127.0.0.1:8080/wp-content/',
      `${inject('imageServer')}/${tag}/wp-content/`,
    )
    const dryRun = (await upload(owner, text)).headers.get('Location')!
    const checked = await waitForJob(owner, dryRun)
    expect(checked).toContain('refused: a private, loopback or link-local address; kept as a link')
    const confirmed = await request(`${dryRun}/run`, {
      method: 'POST',
      cookie: owner,
      headers: { Origin: ORIGIN },
    })
    const done = await waitForJob(owner, confirmed.headers.get('Location')!)
    expect(done).toContain('Import finished.')
    expect(done).toContain('refused: a private, loopback or link-local address; kept as a link')
    expect(await imagesRequestedUnder(tag)).toEqual([])
    expect(await db.select().from(media)).toHaveLength(2)
  })

  it('refuses a file that is not an export, writing nothing', async () => {
    const before = await postCount()
    const started = await upload(owner, '<html><body>hello</body></html>', 'page.html')
    const html = await waitForJob(owner, started.headers.get('Location')!)
    expect(html).toContain('The import stopped:')
    expect(html).toMatch(/not a WordPress export|not well-formed/)
    expect(await postCount()).toBe(before)
  })

  it('downloads the whole blog as one archive', async () => {
    const response = await request('/admin/import/export.zip', { cookie: owner })
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    expect(Object.keys(files)).toContain('manifest.json')
    expect(Object.keys(files).filter((f) => f.startsWith('posts/'))).toHaveLength(9)
  })

  it('signs posts whose author the export does not name with the fallback byline', async () => {
    const text = [...generatedWxr({ posts: 3, firstId: 700 })]
      .join('')
      .replace(/<dc:creator>.*<\/dc:creator>/g, '')
    const dryRun = (await upload(owner, text)).headers.get('Location')!
    await waitForJob(owner, dryRun)
    const confirmed = await request(`${dryRun}/run`, {
      method: 'POST',
      cookie: owner,
      headers: { Origin: ORIGIN },
    })
    expect(await waitForJob(owner, confirmed.headers.get('Location')!)).toContain(
      'Import finished.',
    )
    const [post] = await db
      .select({ author: authors.slug })
      .from(posts)
      .innerJoin(authors, eq(authors.id, posts.authorId))
      .where(eq(posts.slug, 'billet-700'))
    expect(post).toEqual({ author: 'imported' })
  })

  it('refuses a file broken past its first posts before writing any', async () => {
    const before = await postCount()
    const text = [...generatedWxr({ posts: 5, firstId: 800 })].join('').replace('</rss>', '')
    const html = await waitForJob(owner, (await upload(owner, text)).headers.get('Location')!)
    expect(html).toContain('The import stopped:')
    expect(html).toMatch(/unclosed tag|truncated/)
    expect(await postCount()).toBe(before)
  })

  it('tells an editor in French that import and export are the owner’s', async () => {
    const { app } = await import('../../../src/index')
    const response = await app.request(
      `${ORIGIN}/admin/import`,
      { headers: { Cookie: editor } },
      { ...env, SITE_LOCALE: 'fr' },
    )
    expect(response.status).toBe(403)
    const html = await response.text()
    expect(html).toContain('Seul le propriétaire peut importer ou exporter le blog.')
    expect(html).not.toContain('gérer les rédacteurs')
  })
})

const MINUTE = 60_000

async function addJob(job: Partial<ImportJob> & Pick<ImportJob, 'id'>) {
  await db.insert(importJobs).values({
    fileKey: `imports/${crypto.randomUUID()}/upload`,
    fileName: `${job.id}.xml`,
    dryRun: true,
    ...job,
  })
}

const jobStatus = async (id: string) =>
  (await db.select().from(importJobs).where(eq(importJobs.id, id)))[0].status

const post = (path: string, cookie: string) =>
  request(path, { method: 'POST', cookie, headers: { Origin: ORIGIN } })

describe('import jobs that failed or got stuck', () => {
  let owner: string
  beforeAll(async () => {
    await createEditor('jobs-owner@example.org', 'owner')
    owner = await logIn('jobs-owner@example.org')
  })

  it('are listed on the import page with their error, with Retry and Cancel; others are not', async () => {
    const now = Date.now()
    await addJob({ id: 'failed-job', status: 'failed', error: 'images 1 of 2: Error: disk full' })
    await addJob({
      id: 'stuck-job',
      status: 'running',
      error: 'read and plan: TypeError: oops',
      updatedAt: new Date(now - 20 * MINUTE),
    })
    await addJob({ id: 'slow-job', status: 'running', updatedAt: new Date(now - 5 * MINUTE) })
    await addJob({ id: 'done-job', status: 'done' })
    await addJob({ id: 'cancelled-job', status: 'cancelled', error: 'Error: old' })

    const html = await (await request('/admin/import', { cookie: owner })).text()
    expect(html).toContain('Imports that stopped')
    expect(html).toMatch(
      /<li data-job-id="failed-job" data-state="failed">[^]*?The import stopped: images 1 of 2: Error: disk full/,
    )
    expect(html).toMatch(
      /<li data-job-id="stuck-job" data-state="stuck">[^]*?Stuck: no progress since [^<]+\. read and plan: TypeError: oops/,
    )
    for (const id of ['failed-job', 'stuck-job']) {
      expect(html).toContain(`<form method="post" action="/admin/import/${id}/retry"`)
      expect(html).toContain(`<form method="post" action="/admin/import/${id}/cancel"`)
    }
    for (const id of ['slow-job', 'done-job', 'cancelled-job']) {
      expect(html).not.toContain(`data-job-id="${id}"`)
    }

    // The stuck job's own page says so too, offers the same, and stops refreshing itself.
    const page = await request('/admin/import/stuck-job', { cookie: owner })
    expect(page.headers.get('Refresh')).toBeNull()
    const jobHtml = await page.text()
    expect(jobHtml).toContain('Stuck: no progress since')
    expect(jobHtml).toContain('action="/admin/import/stuck-job/retry"')
  })

  it('retries a failed job as a new job on the same file; the old one is dropped with its files', async () => {
    const fileKey = `imports/${crypto.randomUUID()}/upload`
    await env.MEDIA.put(fileKey, sample)
    await addJob({ id: 'to-retry', fileKey, status: 'failed', error: 'finish: Error: boom' })
    await env.MEDIA.put('imports/to-retry/survey.json', '{}')

    expect(
      (await request('/admin/import/to-retry/retry', { method: 'POST', cookie: owner })).status,
    ).toBe(403)
    const retried = await post('/admin/import/to-retry/retry', owner)
    expect(retried.status).toBe(303)
    const location = retried.headers.get('Location')!
    expect(location).toMatch(/^\/admin\/import\/[0-9a-f-]{36}$/)
    expect(await waitForJob(owner, location)).toContain('Dry run finished: nothing was written.')

    expect(await jobStatus('to-retry')).toBe('cancelled')
    expect(await env.MEDIA.head('imports/to-retry/survey.json')).toBeNull()
    expect(await env.MEDIA.head(fileKey)).not.toBeNull()
    const list = await (await request('/admin/import', { cookie: owner })).text()
    expect(list).not.toContain('data-job-id="to-retry"')
    // Retried once only: the old job is no longer failed.
    expect((await post('/admin/import/to-retry/retry', owner)).status).toBe(409)
  })

  it('retries a stuck job but not one still moving', async () => {
    const now = Date.now()
    await addJob({ id: 'moving', status: 'running', updatedAt: new Date(now - MINUTE) })
    const refused = await post('/admin/import/moving/retry', owner)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('This import has not stopped')
    expect(await jobStatus('moving')).toBe('running')

    await addJob({ id: 'stuck', status: 'running', updatedAt: new Date(now - 16 * MINUTE) })
    expect((await post('/admin/import/stuck/retry', owner)).status).toBe(303)
    expect(await jobStatus('stuck')).toBe('cancelled')
  })

  it('cancels a stuck or failed job, once', async () => {
    await addJob({
      id: 'to-cancel',
      status: 'running',
      updatedAt: new Date(Date.now() - 30 * MINUTE),
    })
    await env.MEDIA.put('imports/to-cancel/plan.json', '{}')
    const cancelled = await post('/admin/import/to-cancel/cancel', owner)
    expect(cancelled.status).toBe(303)
    expect(cancelled.headers.get('Location')).toBe('/admin/import')
    expect(await jobStatus('to-cancel')).toBe('cancelled')
    expect(await env.MEDIA.head('imports/to-cancel/plan.json')).toBeNull()
    expect((await post('/admin/import/to-cancel/cancel', owner)).status).toBe(409)
    expect((await post('/admin/import/no-such-job/cancel', owner)).status).toBe(404)

    await addJob({ id: 'failed-to-cancel', status: 'failed', error: 'Error: x' })
    expect((await post('/admin/import/failed-to-cancel/cancel', owner)).status).toBe(303)
    expect(await jobStatus('failed-to-cancel')).toBe('cancelled')
  })

  it('marks a job failed with the error of the step whose retries ran out', async () => {
    await addJob({ id: 'file-gone', fileKey: 'imports/nothing-here/upload' })
    await using instance = await introspectWorkflowInstance(env.IMPORT, 'file-gone')
    await instance.modify(async (m) => {
      await m.disableRetryDelays()
    })
    await env.IMPORT.create({ id: 'file-gone', params: { jobId: 'file-gone' } })
    await instance.waitForStatus('errored')

    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, 'file-gone'))
    expect(job.status).toBe('failed')
    expect(job.error).toBe('read the file: Error: the uploaded file is gone')
    const html = await (await request('/admin/import', { cookie: owner })).text()
    expect(html).toContain('The import stopped: read the file: Error: the uploaded file is gone')
  })

  it('shows a failing step’s error while it is retried, and Cancel stops the Workflow', async () => {
    await addJob({ id: 'retrying', fileKey: 'imports/nothing-here/upload' })
    await using instance = await introspectWorkflowInstance(env.IMPORT, 'retrying')
    await env.IMPORT.create({ id: 'retrying', params: { jobId: 'retrying' } })
    let html = ''
    await expect
      .poll(
        async () =>
          (html = await (await request('/admin/import/retrying', { cookie: owner })).text()),
        // The first attempt fails at once; the next comes 10 s later.
        { timeout: 10_000 },
      )
      .toContain(
        'A step failed and is being tried again: read the file: Error: the uploaded file is gone',
      )
    expect(html).toContain('Working…')

    expect((await post('/admin/import/retrying/cancel', owner)).status).toBe(303)
    await instance.waitForStatus('terminated')
    expect(await jobStatus('retrying')).toBe('cancelled')
    expect(await (await request('/admin/import/retrying', { cookie: owner })).text()).toContain(
      'This import was cancelled.',
    )
  })
})
