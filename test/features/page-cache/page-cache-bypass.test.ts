import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../../src/index'
import { createSession } from '../../../src/features/auth/sessions'
import { addRedirect } from '../../../src/features/redirects/queries'
import { bytesToBase64Url } from '../../../src/lib/encoding'
import { sha256Hex } from '../../../src/lib/tokens'
import { CONTENT_STATE_MAX_AGE_MS } from '../../../src/features/page-cache/keys'
import { createEditor, logIn, ORIGIN } from '../../admin-helpers'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'
import { isolateEnv } from '../../support/isolate-env'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

/** Every statement the Worker sends to D1, on the database or on a session of it. */
function countingDb() {
  const statements: string[] = []
  const counted = <T extends { prepare(query: string): D1PreparedStatement }>(target: T) => ({
    prepare(query: string) {
      statements.push(query)
      return target.prepare(query)
    },
    batch: (list: D1PreparedStatement[]) => {
      statements.push(`batch of ${list.length}`)
      return (target as unknown as D1Database).batch(list)
    },
  })
  const d1 = {
    ...counted(env.DB),
    withSession(start: string) {
      const session = env.DB.withSession(start)
      return { ...counted(session), getBookmark: () => session.getBookmark() }
    },
  }
  return { DB: d1 as unknown as D1Database, statements }
}

/**
 * A reader's request through the Worker, and the D1 statements it sent. `Sec-GPC` keeps the
 * audience counter's own writes out of the count: what is left is what the page cost.
 */
async function visit(
  path: string,
  init: { headers?: Record<string, string>; method?: string } = {},
) {
  const { DB, statements } = countingDb()
  const ctx = createExecutionContext()
  const request = new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'User-Agent': CHROME, 'Sec-GPC': '1', ...init.headers },
    redirect: 'manual',
  })
  const response = await worker.fetch(
    request as Parameters<typeof worker.fetch>[0],
    isolateEnv(DB),
    ctx,
  )
  const body = await response.text()
  await waitOnExecutionContext(ctx)
  return {
    response,
    body,
    status: response.status,
    cache: response.headers.get('X-Page-Cache'),
    location: response.headers.get('Location'),
    d1: statements,
  }
}

const random = () => crypto.randomUUID().slice(0, 8)

/** The same request twice, the second with `vary()` applied afresh: it must be a free hit. */
async function expectSecondIsFreeHit(path: () => string, init: Parameters<typeof visit>[1] = {}) {
  const first = await visit(path(), init)
  const second = await visit(path(), init)
  expect(second.cache).toBe('hit')
  expect(second.d1).toEqual([])
  expect(second.status).toBe(first.status)
  expect(second.body).toBe(first.body)
  return { first, second }
}

let editorCookie: string

beforeAll(async () => {
  const { author, essays } = await createAuthorAndCategories()
  await createPublishedPosts(25, author.id, [essays.id])
  await createEditor('bypass-editor@blog.example')
  editorCookie = await logIn('bypass-editor@blog.example')
})

// Only Date is faked, so the content state read by the first request is still fresh for the next.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
})
afterAll(() => {
  vi.useRealTimers()
})

describe('requests that used to bypass the page cache', () => {
  it('serves a request with a made-up session cookie as a reader’s, from the cache', async () => {
    await visit('/posts/post-1')
    const fake = () => ({
      headers: {
        Cookie: `__Host-session=${bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`,
      },
    })
    for (const init of [fake(), fake(), { headers: { Cookie: '__Host-session=x' } }]) {
      const { response, cache, d1 } = await visit('/posts/post-1', init)
      expect(cache).toBe('hit')
      expect(d1).toEqual([])
      expect(response.headers.get('Set-Cookie')).toBeNull()
    }
  })

  it('ignores unknown query parameters', async () => {
    await expectSecondIsFreeHit(() => `/posts/post-2?x=${random()}`)
    await expectSecondIsFreeHit(() => `/?${random()}=${random()}`)
  })

  it('ignores tracking parameters', async () => {
    await expectSecondIsFreeHit(() => `/?utm_source=${random()}&utm_campaign=${random()}`)
    await expectSecondIsFreeHit(() => `/posts/post-3?fbclid=${random()}&gclid=${random()}`)
  })

  it('answers a repeated 404 from the cache, redirect lookup included', async () => {
    const path = `/no-such-page-${random()}`
    const { first } = await expectSecondIsFreeHit(() => path)
    expect(first.status).toBe(404)
    const post = `/posts/no-such-post-${random()}`
    expect((await expectSecondIsFreeHit(() => post)).first.status).toBe(404)
  })

  it('answers HEAD from the cache like GET, with the same headers and no body', async () => {
    const get = await visit('/posts/post-4')
    const head = await visit('/posts/post-4', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.cache).toBe('hit')
    expect(head.body).toBe('')
    expect(head.d1).toEqual([])
    for (const name of ['Content-Type', 'ETag', 'Cache-Control', 'Content-Security-Policy'])
      expect(head.response.headers.get(name)).toBe(get.response.headers.get(name))

    const firstHead = await visit('/posts/post-5', { method: 'HEAD' })
    expect([firstHead.cache, firstHead.body]).toEqual(['miss', ''])
    const again = await visit('/posts/post-5', { method: 'HEAD' })
    expect([again.cache, again.d1]).toEqual(['hit', []])
    expect((await visit('/posts/post-5')).cache).toBe('hit')
  })

  it('answers a trailing slash from the cache, keeping the reader’s query on the redirect', async () => {
    const { second } = await expectSecondIsFreeHit(() => '/posts/post-6/')
    expect(second.status).toBe(301)
    expect(second.location).toBe('/posts/post-6')
    const tracked = await visit('/posts/post-6/?utm_source=letter')
    expect([tracked.cache, tracked.d1, tracked.location]).toEqual([
      'hit',
      [],
      '/posts/post-6?utm_source=letter',
    ])
  })
})

describe('what still gets a page of its own', () => {
  it('lets a logged-in editor past the cache', async () => {
    for (let i = 0; i < 2; i++) {
      const page = await visit('/posts/post-7', { headers: { Cookie: editorCookie } })
      expect(page.status).toBe(200)
      expect(page.cache).toBeNull()
      expect(page.d1.length).toBeGreaterThan(0)
    }
  })

  it('keeps each Load More page apart, whatever else the address carries', async () => {
    const home = await visit('/')
    const second = /class="load-more" href="([^"]+)"/.exec(home.body)![1].replace(/&amp;/g, '&')
    const page2 = await visit(second)
    expect(page2.body).not.toBe(home.body)
    const third = /class="load-more" href="([^"]+)"/.exec(page2.body)![1].replace(/&amp;/g, '&')
    const page3 = await visit(third)
    expect(page3.cache).toBe('miss')
    expect(page3.body).not.toBe(page2.body)
    const tracked = await visit(`${second}&utm_source=${random()}&x=1`)
    expect([tracked.cache, tracked.body]).toEqual(['hit', page2.body])
    // The route reads names decoded: an escaped `after` is still a cursor, never the first page.
    const escaped = await visit(second.replace('after=', 'aft%65r='))
    expect(escaped.body).toBe(page2.body)
  })

  it('keeps each search apart', async () => {
    const one = await visit('/search?q=Post%201')
    const two = await visit('/search?q=Post%202')
    expect(two.cache).toBe('miss')
    expect(two.body).not.toBe(one.body)
    expect((await visit(`/search?q=Post%201&ref=${random()}`)).cache).toBe('hit')
  })

  it('still sends imported links with a query string to their new place', async () => {
    await addRedirect(db, '/?p=12', '/posts/post-8')
    vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS + 1)
    const { second } = await expectSecondIsFreeHit(() => '/?p=12')
    expect([second.status, second.location]).toEqual([301, '/posts/post-8'])
    const tracked = await visit('/?p=12&utm_source=letter')
    expect([tracked.status, tracked.location]).toEqual([301, '/posts/post-8?utm_source=letter'])
    const other = await visit('/?p=13')
    expect([other.status, other.cache]).toEqual([200, 'miss'])
    expect(other.body).toBe((await visit('/')).body)
  })

  it('shows a new redirect in place of a cached 404 once the content state is read again', async () => {
    const path = `/old-address-${random()}`
    await visit(path)
    expect((await visit(path)).status).toBe(404)
    await addRedirect(db, path, '/posts/post-9')
    vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS + 1)
    const moved = await visit(path)
    expect([moved.status, moved.location]).toEqual([301, '/posts/post-9'])
  })
})

describe('sessions from before signed tokens', () => {
  it('are no longer honoured: the editor logs in again, readers’ pages stay cached', async () => {
    const editor = await createEditor('old-session@blog.example')
    const token = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)))
    await createSession(db, await sha256Hex(token), editor.id, Date.now())
    const cookie = `__Host-session=${token}`
    const admin = await visit('/admin/posts', { headers: { Cookie: cookie } })
    expect(admin.status).toBe(303)
    expect(admin.location).toMatch(/^\/admin\?next=/)
    expect(admin.response.headers.get('Set-Cookie')).toMatch(/__Host-session=;.*Max-Age=0/)
    await visit('/posts/post-10')
    expect((await visit('/posts/post-10', { headers: { Cookie: cookie } })).cache).toBe('hit')
  })
})

describe('a malformed D1 bookmark cookie', () => {
  const MALFORMED = [
    'garbage',
    '%00',
    'a%0Ab',
    '%0D%0ASet-Cookie:%20x=1',
    '%FF%FE',
    '%E9t%E9',
    '-'.repeat(300),
    '00000000-0000000F-00000000-00000000000000000000000000000000',
    'first-primary%7F',
  ]

  it.each(MALFORMED)('is ignored on reader and admin pages: %s', async (bookmark) => {
    const cookie = `${editorCookie}; __Host-d1-bookmark=${bookmark}`
    const page = await visit('/posts/post-11', { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    const admin = await visit('/admin/posts', { headers: { Cookie: cookie } })
    expect(admin.status).toBe(200)
    // The editor gets a sound bookmark back in its place.
    expect(admin.response.headers.get('Set-Cookie')).toMatch(
      /__Host-d1-bookmark=[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32};/,
    )
  })
})
