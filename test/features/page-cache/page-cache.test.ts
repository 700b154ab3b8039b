import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../../src/index'
import { updateCategory } from '../../../src/features/categories/queries'
import { createPost } from '../../../src/features/posts/writes'
import { audienceDailyCounts, posts } from '../../../src/db/schema'
import { dayOf } from '../../../src/features/audience/visitor'
import { flushAudience } from '../../../src/features/audience/shards'
import { readContentState } from '../../../src/features/page-cache/content-version'
import {
  CONTENT_STATE_MAX_AGE_MS,
  CONTENT_STATE_REUSE_MS,
  contentStateKey,
} from '../../../src/features/page-cache/keys'
import { deploymentOf } from '../../../src/features/page-cache/middleware'
import { createEditor, logIn, ORIGIN } from '../../admin-helpers'
import {
  createAuthorAndCategories,
  createPublishedPosts,
  db,
  HOUR,
  postInput,
  updatePostAsLoaded,
} from '../../fixtures'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

/** A request through the Worker, waiting for what it does after responding (cache writes, count). */
async function visit(
  path: string,
  init: { headers?: Record<string, string>; method?: string; body?: BodyInit } = {},
  bindings: Env = env,
) {
  const ctx = createExecutionContext()
  const request = new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'User-Agent': CHROME, 'CF-Connecting-IP': '192.0.2.7', ...init.headers },
    body: init.body,
    redirect: 'manual',
  })
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], bindings, ctx)
  const body = await response.text()
  await waitOnExecutionContext(ctx)
  return { response, body, cache: response.headers.get('X-Page-Cache') }
}

const editOf = (post: typeof posts.$inferSelect, title: string) =>
  postInput({ slug: post.slug, authorId: post.authorId, publishedAt: post.publishedAt, title })

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createPublishedPosts(25, ids.author.id, [ids.essays.id])
})

// Only Date is faked, and it only moves forward, as a real clock would.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
})
afterAll(() => {
  vi.useRealTimers()
})

describe('the page cache', () => {
  it('serves a reader page from the cache on the second request, byte for byte', async () => {
    const first = await visit('/categories/essais')
    const second = await visit('/categories/essais')
    expect(first.cache).toBe('miss')
    expect(second.cache).toBe('hit')
    expect(second.response.status).toBe(200)
    expect(second.body).toBe(first.body)
    expect(second.response.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(second.response.headers.get('Set-Cookie')).toBeNull()
  })

  it('keeps an htmx fragment apart from the page at the same URL', async () => {
    const page = await visit('/')
    const next = /class="load-more" href="([^"]+)"/.exec(page.body)![1].replace(/&amp;/g, '&')
    const asPage = await visit(next)
    const fragment = await visit(next, { headers: { 'HX-Request': 'true' } })
    expect(fragment.cache).toBe('miss')
    expect(fragment.body).not.toContain('<html')
    const again = await visit(next, { headers: { 'HX-Request': 'true' } })
    expect(again.cache).toBe('hit')
    expect(again.body).toBe(fragment.body)
    expect(again.response.headers.get('HX-Replace-Url')).toMatch(/^\/\?through=/)
    expect(again.response.headers.get('Vary')).toContain('HX-Request')
    const pageAgain = await visit(next)
    expect(pageAgain.cache).toBe('hit')
    expect(pageAgain.body).toBe(asPage.body)
    expect(pageAgain.body).toContain('<html')
  })

  it('never caches admin pages, editors’ requests, posts or errors other than 404', async () => {
    await createEditor('cache-editor@blog.example')
    const cookie = await logIn('cache-editor@blog.example')
    for (let i = 0; i < 2; i++) {
      expect((await visit('/admin/login')).cache).toBeNull()
      expect((await visit('/media/2026/photo.jpg')).cache).toBeNull()
      expect((await visit('/posts/post-3', { headers: { Cookie: cookie } })).cache).toBeNull()
      expect((await visit('/?after=not-a-cursor')).response.status).toBe(400)
    }
    expect((await visit('/?after=not-a-cursor')).cache).not.toBe('hit')
    const missing = await visit('/posts/not-yet')
    const missingAgain = await visit('/posts/not-yet')
    expect([missing.response.status, missingAgain.response.status]).toEqual([404, 404])
    expect(missingAgain.cache).toBe('hit')
  })

  it('makes every reader page fresh at once after an editor’s save', async () => {
    await createEditor('fresh-editor@blog.example', 'owner')
    const cookie = await logIn('fresh-editor@blog.example')
    await visit('/posts/post-12')
    expect((await visit('/posts/post-12')).cache).toBe('hit')
    await visit('/posts/freshly-written')
    expect((await visit('/posts/freshly-written')).cache).toBe('hit')

    const form = new URLSearchParams({
      title: 'Freshly written',
      slug: 'freshly-written',
      excerpt: '',
      markdown: 'Just now.',
      categoryIds: String(ids.essays.id),
      newCategory: '',
      language: 'en',
      authorId: String(ids.author.id),
      status: 'published',
      publishDate: '',
      publishTime: '',
      timeZone: 'Europe/Paris',
    })
    const saved = await visit('/admin/posts', {
      method: 'POST',
      body: form,
      headers: {
        Cookie: cookie,
        Origin: ORIGIN,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    })
    expect(saved.response.status).toBe(303)

    const post = await visit('/posts/freshly-written')
    expect(post.response.status).toBe(200)
    expect(post.body).toContain('Freshly written')
    expect((await visit('/')).body).toContain('href="/posts/freshly-written"')
  })

  it('makes pages fresh within the stated bound after a write made elsewhere', async () => {
    await visit('/posts/post-20')
    expect((await visit('/posts/post-20')).cache).toBe('hit')
    const [post] = await db.select().from(posts).where(eq(posts.slug, 'post-20'))
    // A write through the database layer only, as another data centre or a Workflow would do.
    await updatePostAsLoaded(db, post.id, editOf(post, 'Renamed far away'), null)

    vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS - 1000)
    expect((await visit('/posts/post-20')).body).not.toContain('Renamed far away')
    vi.advanceTimersByTime(1001)
    const fresh = await visit('/posts/post-20')
    expect(fresh.cache).toBe('miss')
    expect(fresh.body).toContain('Renamed far away')
    expect(CONTENT_STATE_MAX_AGE_MS).toBeLessThanOrEqual(10_000)
  })

  it('shows a save made in another isolate of the same data centre within the reuse bound', async () => {
    await visit('/posts/post-21')
    expect((await visit('/posts/post-21')).cache).toBe('hit')
    const [post] = await db.select().from(posts).where(eq(posts.slug, 'post-21'))
    await updatePostAsLoaded(db, post.id, editOf(post, 'Renamed next door'), null)
    // What the editor's request, served by another isolate here, leaves in the shared cache.
    const now = Date.now()
    const state = { ...(await readContentState(db, now)), bookmark: null, checkedAt: now }
    const key = contentStateKey(new URL(ORIGIN), deploymentOf(env))
    await (await caches.open('pages')).put(key, Response.json(state))

    // This isolate's last probe is still used, for CONTENT_STATE_REUSE_MS at most.
    expect((await visit('/posts/post-21')).body).not.toContain('Renamed next door')
    vi.advanceTimersByTime(CONTENT_STATE_REUSE_MS + 1)
    expect((await visit('/posts/post-21')).body).toContain('Renamed next door')
    expect(CONTENT_STATE_REUSE_MS).toBeLessThanOrEqual(100)
  })

  it('shows a category’s new name on its pages once renamed', async () => {
    await visit('/categories/essais')
    expect((await visit('/categories/essais')).body).toContain('Essais')
    await updateCategory(db, ids.essays.id, { name: 'Essais choisis' })
    vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS + 1)
    expect((await visit('/categories/essais')).body).toContain('Essais choisis')
  })

  it('never serves a cached page past the next scheduled publication', async () => {
    const goesLiveAt = Date.now() + HOUR
    await createPost(
      db,
      postInput({
        slug: 'scheduled-for-later',
        authorId: ids.author.id,
        status: 'scheduled',
        publishedAt: new Date(goesLiveAt),
      }),
    )
    await visit('/')
    const before = await visit('/')
    expect(before.cache).toBe('hit')
    expect(before.body).not.toContain('scheduled-for-later')
    vi.setSystemTime(goesLiveAt - 1000)
    expect((await visit('/')).body).not.toContain('scheduled-for-later')
    vi.setSystemTime(goesLiveAt)
    expect((await visit('/')).body).toContain('href="/posts/scheduled-for-later"')
  })
})

describe('conditional requests', () => {
  it.each([
    ['on', env],
    ['off', { ...env, PAGE_CACHE: 'off' }],
  ])('answers If-None-Match with a 304 and no body (cache %s)', async (_, bindings) => {
    const first = await visit('/posts/post-5', {}, bindings)
    const etag = first.response.headers.get('ETag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.response.headers.get('Cache-Control')).toBe('no-cache')
    const revalidated = await visit(
      '/posts/post-5',
      { headers: { 'If-None-Match': etag! } },
      bindings,
    )
    expect(revalidated.response.status).toBe(304)
    expect(revalidated.body).toBe('')
    expect(revalidated.response.headers.get('ETag')).toBe(etag)
    const other = await visit(
      '/posts/post-5',
      { headers: { 'If-None-Match': '"other"' } },
      bindings,
    )
    expect(other.response.status).toBe(200)
    expect(other.body).toBe(first.body)
  })

  it('changes the ETag when the page changes', async () => {
    const before = (await visit('/posts/post-6')).response.headers.get('ETag')
    const [post] = await db.select().from(posts).where(eq(posts.slug, 'post-6'))
    await updatePostAsLoaded(db, post.id, editOf(post, 'Post six, revised'), null)
    const after = await visit('/posts/post-6', {}, { ...env, PAGE_CACHE: 'off' })
    expect(after.body).toContain('Post six, revised')
    expect(after.response.headers.get('ETag')).not.toBe(before)
  })
})

describe('the audience counter and the cache', () => {
  it('counts every view of a cached page, exactly', async () => {
    const path = '/posts/post-9'
    const countOf = async () => {
      await flushAudience(env)
      const [row] = await db
        .select()
        .from(audienceDailyCounts)
        .where(
          and(
            eq(audienceDailyCounts.day, dayOf(Date.now(), env.SITE_TIMEZONE)),
            eq(audienceDailyCounts.metric, 'page'),
            eq(audienceDailyCounts.key, path),
          ),
        )
      return row?.count ?? 0
    }
    await visit(path)
    const before = await countOf()
    const N = 7
    const caches: (string | null)[] = []
    for (let i = 0; i < N; i++) caches.push((await visit(path)).cache)
    expect(caches).toEqual(Array(N).fill('hit'))
    expect(await countOf()).toBe(before + N)
  })
})
