import { count, eq } from 'drizzle-orm'
import { exports } from 'cloudflare:workers'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { authors, media, posts } from '../../../src/db/schema'
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
    expect((await request('/admin/import', { cookie: editor })).status).toBe(403)
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
    expect((await request('/?p=72')).headers.get('Location')).toBe('/posts/cafe-a-lhotel')
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
})
