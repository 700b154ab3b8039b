/**
 * The deployed bundle, run in workerd exactly as wrangler.toml sets it up (compatibility date and
 * flags, bindings; no extra globals, unlike the test pool): every entrypoint is called once. The
 * Worker tests run the same code on a runtime that adds Node's `process`, so a dependency that
 * reads it passes there and fails only here, in `npm start` and once deployed.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { hashPassword } from '../../src/features/auth/password'
import { createDb } from '../../src/db/client'
import { createUser } from '../../src/features/auth/users'
import { createAccessToken } from '../../src/features/auth/access-tokens'
import { eq } from 'drizzle-orm'
import { authors, mailOutbox, subscribers } from '../../src/db/schema'
import { startLocalWorker, type LocalWorker } from '../support/local-worker'
import { mcpRequest } from '../support/mcp-request'

// A secret, as `wrangler secret put` gives the deployed Worker; a binding, not a global.
const PEPPER = 'bundle-smoke-pepper'
const OWNER = { email: 'owner@blog.example', password: 'a long enough smoke password' }
const SAMPLE = readFileSync(
  path.resolve(
    import.meta.dirname,
    '../features/import-export/import/fixtures/wordpress-export-sample.xml',
  ),
  'utf8',
)
// The import Workflow retries a failing step for minutes; a healthy one is done in seconds.
const JOB_DEADLINE_MS = 60_000

let worker: LocalWorker

before(async () => {
  worker = await startLocalWorker({ vars: { AUTH_PEPPER: PEPPER } })
  const db = createDb((await worker.miniflare.getD1Database('DB')) as unknown as D1Database)
  await createUser(db, {
    email: OWNER.email,
    name: 'Owner',
    role: 'owner',
    passwordHash: await hashPassword(OWNER.password, PEPPER),
  })
})
after(() => worker?.dispose())

async function send(pathname: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('Cookie', init.cookie)
  if (init.method === 'POST') headers.set('Origin', worker.url)
  return fetch(`${worker.url}${pathname}`, { ...init, headers, redirect: 'manual' })
}

async function logIn() {
  const response = await send('/admin/login', {
    method: 'POST',
    body: new URLSearchParams(OWNER),
  })
  assert.equal(response.status, 303, await response.text())
  const cookie = /__Host-session=[^;]+/.exec(response.headers.get('Set-Cookie') ?? '')
  assert.ok(cookie, 'the login sets the session cookie')
  return cookie[0]
}

/**
 * Follows a job page until the Workflow is over. A step that throws is retried for minutes, but
 * its error shows on the job page at once: that fails the test with the error.
 */
async function waitForJob(cookie: string, location: string) {
  const deadline = Date.now() + JOB_DEADLINE_MS
  for (;;) {
    const page = await send(location, { cookie })
    const html = await page.text()
    assert.equal(page.status, 200, html)
    const problem = /<p class="notice notice-error"[^>]*>(.*?)<\/p>/s.exec(html)?.[1]
    assert.equal(problem, undefined, `the import Workflow failed in workerd: ${problem}`)
    if (page.headers.get('Refresh') === null) return html
    assert.ok(Date.now() < deadline, `the import did not finish in ${JOB_DEADLINE_MS / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('the deployed bundle in workerd, with wrangler.toml as it is', () => {
  it('answers a reader page and the admin login page', async () => {
    const home = await send('/')
    assert.equal(home.status, 200)
    assert.match(await home.text(), /Maison &amp; Hôte/)
    const login = await send('/admin')
    assert.equal(login.status, 200)
    assert.match(await login.text(), /name="password"/)
  })

  it('answers an agent on /mcp and serves the OAuth metadata (the SDK and the OAuth library)', async () => {
    const db = createDb((await worker.miniflare.getD1Database('DB')) as unknown as D1Database)
    const { token } = await createAccessToken(db, {
      userId: 1,
      name: 'smoke',
      scope: 'read',
      days: 1,
    })
    const response = await send('/mcp', mcpRequest(token, { id: 1, method: 'tools/list' }))
    assert.equal(response.status, 200, await response.clone().text())
    const { result } = (await response.json()) as { result: { tools: { name: string }[] } }
    assert.ok(result.tools.some((tool) => tool.name === 'get_audience'))
    const called = await send(
      '/mcp',
      mcpRequest(token, {
        id: 2,
        method: 'tools/call',
        params: { name: 'search_posts', arguments: { query: 'hospitality' } },
      }),
    )
    assert.equal(called.status, 200)
    const metadata = await send('/.well-known/oauth-authorization-server')
    assert.equal(metadata.status, 200)
    assert.equal(((await metadata.json()) as { issuer: string }).issuer, worker.url)
  })

  it('runs the hourly Cron Trigger', async () => {
    const result = await (await worker.miniflare.getWorker()).scheduled({ cron: '7 * * * *' })
    assert.equal(result.outcome, 'ok')
  })

  it('runs the mail queue: a published post reaches a confirmed subscriber, once', async () => {
    const db = createDb((await worker.miniflare.getD1Database('DB')) as unknown as D1Database)
    const [reader] = await db
      .insert(subscribers)
      .values({
        email: 'smoke-reader@readers.example',
        state: 'confirmed',
        token: 'smoke-reader-token',
        createdAt: new Date(),
      })
      .returning()
    const cookie = await logIn()
    const [author] = await db.select().from(authors).limit(1)
    const authorId =
      author?.id ??
      (await db.insert(authors).values({ slug: 'smoke', name: 'Smoke' }).returning())[0].id
    const saved = await send('/admin/posts', {
      method: 'POST',
      cookie,
      body: new URLSearchParams({
        title: 'Smoke-tested mailing',
        slug: 'smoke-tested-mailing',
        markdown: 'Sent through the queue.',
        language: 'en',
        authorId: String(authorId),
        status: 'published',
        timeZone: 'UTC',
        emailSubscribers: 'on',
        emailSubscribersShown: '1',
      }),
    })
    assert.equal(saved.status, 303, await saved.text())
    const deadline = Date.now() + 30_000
    for (;;) {
      const kept = await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, reader.email))
      if (kept.length > 0) {
        assert.equal(kept.length, 1)
        assert.match(kept[0].raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m)
        break
      }
      assert.ok(Date.now() < deadline, 'the queue consumer did not send the post')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    // The entrypoint itself, as the queue calls it: a job for nothing, and one that is no job.
    const result = await (
      await worker.miniflare.getWorker()
    ).queue('edge-blog-mail', [
      { id: 'a', timestamp: new Date(), attempts: 1, body: { kind: 'live', postId: 999_999 } },
      { id: 'b', timestamp: new Date(), attempts: 1, body: 'not a job' },
    ])
    assert.equal(result.outcome, 'ok')
    assert.deepEqual([...result.explicitAcks].sort(), ['a', 'b'])
  })

  it('imports a WordPress export through the admin, every Workflow step included', async () => {
    const cookie = await logIn()
    const form = new FormData()
    form.append('file', new File([SAMPLE], 'wordpress.xml', { type: 'text/xml' }))
    const started = await send('/admin/import', { method: 'POST', body: form, cookie })
    assert.equal(started.status, 303, await started.text())
    const dryRun = await waitForJob(cookie, started.headers.get('Location')!)
    assert.match(dryRun, /Dry run finished: nothing was written\./)

    const confirmed = await send(`${started.headers.get('Location')}/run`, {
      method: 'POST',
      cookie,
    })
    assert.equal(confirmed.status, 303)
    assert.match(await waitForJob(cookie, confirmed.headers.get('Location')!), /Import finished\./)

    const post = await send('/posts/cafe-a-lhotel')
    assert.equal(post.status, 200)
    assert.match(await post.text(), /Café à l’hôtel : le petit-déjeuner compte double/)
  })
})
