import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import worker, { app } from '../../../src/index'
import { createPost } from '../../../src/features/posts/writes'
import { addRedirect } from '../../../src/features/redirects/queries'
import { CONTENT_STATE_MAX_AGE_MS } from '../../../src/features/page-cache/keys'
import { READER_ROUTES } from '../../../src/features/page-cache/reader-routes'
import { createEditor, logIn, ORIGIN } from '../../admin-helpers'
import {
  createAuthorAndCategories,
  createPublishedPosts,
  db,
  HOUR,
  postInput,
  updatePostAsLoaded,
} from '../../fixtures'
import { countingD1 } from '../../support/d1-calls'
import { isolateEnv } from '../../support/isolate-env'
import { navigationMenus } from '../../../src/db/schema'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'
const IMAGE_KEY = `${'ab'.repeat(32)}.png`
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * A reader's request through the Worker, with the D1 calls it made. `Sec-GPC` keeps the audience
 * counter's own writes out of the count: what is left is what the answer cost.
 */
async function visit(
  path: string,
  init: { headers?: Record<string, string>; method?: string; body?: BodyInit } = {},
  bindings: Partial<Env> = {},
) {
  const { d1, calls } = countingD1()
  const ctx = createExecutionContext()
  const request = new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'User-Agent': CHROME, 'Sec-GPC': '1', ...init.headers },
    body: init.body,
    redirect: 'manual',
  })
  const response = await worker.fetch(
    request as Parameters<typeof worker.fetch>[0],
    isolateEnv(d1, bindings),
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
    d1: calls,
  }
}

/** The same request rendered with the page cache off: what the cached answer must equal. */
const rendered = (path: string, init: Parameters<typeof visit>[1] = {}) =>
  visit(path, init, { PAGE_CACHE: 'off' })

/**
 * A new made-up name on every call, the same ones from run to run: the known addresses are a Bloom
 * filter, whose rare false "perhaps" (the address is then looked up, as before) must not make a
 * test flaky.
 */
let made = 0
const random = () => (Math.imul(++made, 0x9e3779b1) >>> 0).toString(36)

/** Every shape of address a client can make up, each a new one on every call. */
const SHAPES: [string, () => string][] = [
  ['a top-level path', () => `/x${random()}`],
  ['a deeper path', () => `/${random()}/wp-admin/${random()}.php`],
  ['a post', () => `/posts/${random()}`],
  ['a post, Unicode and percent-encoded', () => `/posts/caf%C3%A9-${random()}`],
  ['a post, with an escaped slash', () => `/posts/post-1%2F${random()}`],
  ['a category', () => `/categories/${random()}`],
  ['a category’s feed', () => `/categories/${random()}/rss.xml`],
  ['a path that starts like the categories', () => `/categories${random()}`],
  ['an author', () => `/authors/${random()}`],
  ['an author’s feed', () => `/authors/${random()}/feed.json`],
  ['a path with a query of an old address', () => `/${random()}?p=${random()}`],
  ['a path with a tracking query', () => `/posts/${random()}?utm_source=${random()}`],
]

/** Any 404 of the current content version, so that its known addresses are read. */
async function knowAddresses() {
  const first = await visit(`/warm-up-${random()}`)
  expect(first.status).toBe(404)
}

/** A new random address answers from the cache: proof that the known addresses are in use. */
async function expectRandomAddressIsFree() {
  const page = await visit(`/proof-${random()}`)
  expect([page.status, page.cache, page.d1]).toEqual([404, 'hit', []])
}

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createPublishedPosts(6, ids.author.id, [ids.essays.id])
  await createPost(
    db,
    postInput({
      slug: 'a-note',
      title: 'A note',
      authorId: ids.author.id,
      kind: 'note',
      sourceUrl: 'https://example.com/article',
      sourceSiteName: 'Example',
    }),
  )
  await createPost(
    db,
    postInput({ slug: 'café-crème', title: 'Café crème', authorId: ids.author.id }),
  )
  // Pages answer at the site's root.
  await createPost(db, postInput({ slug: 'a-propos', authorId: ids.author.id, kind: 'page' }))
  await createPost(db, postInput({ slug: 'über-uns', authorId: ids.author.id, kind: 'page' }))
  const renamed = await createPost(db, postInput({ slug: 'first-name', authorId: ids.author.id }))
  await updatePostAsLoaded(
    db,
    renamed,
    postInput({ slug: 'second-name', authorId: ids.author.id }),
    null,
  )
  await addRedirect(db, '/2019/05/old-post', '/posts/post-1')
  await addRedirect(db, '/?p=12', '/posts/post-2')
  await addRedirect(db, '/index.php?page_id=7', '/posts/post-3')
  // An old address with an escape, as an import keeps it, and one stored decoded.
  await addRedirect(db, '/caf%c3%a9/old', '/posts/post-4')
  await addRedirect(db, '/été/old', '/posts/post-5')
  await env.MEDIA.put(IMAGE_KEY, PNG, { httpMetadata: { contentType: 'image/png' } })
})

// Only Date is faked, so the content state read by one request is still fresh for the next.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
})
afterAll(() => {
  vi.useRealTimers()
})

describe('the reader routes the page cache knows', () => {
  it('are every reader route of the app', () => {
    const readerRoutes = app.routes
      .filter(({ method }) => method === 'GET')
      .map(({ path }) => path)
      // The page cache never answers these (src/features/page-cache/middleware.ts), nor the
      // agents' endpoints, mounted before it (src/index.tsx).
      .filter((path) => !/^\/(admin|media|preview)(\/|$)/.test(path) && !path.endsWith('*'))
      .filter((path) => !/^\/(mcp|oauth\/|\.well-known\/oauth-)/.test(path))
    expect(readerRoutes.length).toBeGreaterThan(10)
    for (const path of readerRoutes) expect(READER_ROUTES).toContain(path)
  })
})

describe('made-up addresses', () => {
  it.each(SHAPES)(
    'answer %s with the shared 404 page from the second on, without D1',
    async (_, shape) => {
      await knowAddresses()
      for (let i = 0; i < 3; i++) {
        const path = shape()
        const page = await visit(path)
        expect([page.status, page.d1]).toEqual([404, []])
        // The first may render the page (the header marks the categories on some): still no D1.
        if (i > 0) expect(page.cache).toBe('hit')
        const own = await rendered(path)
        expect(own.status).toBe(404)
        expect(page.body).toBe(own.body)
        for (const name of ['Content-Type', 'Cache-Control', 'Content-Security-Policy'])
          expect(page.response.headers.get(name)).toBe(own.response.headers.get(name))
      }
    },
  )

  it('share a 404 page only between addresses whose header marks the same link', async () => {
    // The owner's header: a category's own link, and the categories' under which it falls.
    const links = [
      { id: 'essays', label: 'Essays', address: '/categories/essais' },
      { id: 'all', label: 'All categories', address: '/categories' },
    ]
    await db.insert(navigationMenus).values({ menu: 'header', links: JSON.stringify(links) })
    vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS + 1)
    try {
      await knowAddresses()
      const marked = (body: string) => body.match(/<a href="([^"]*)" aria-current="page">/)?.[1]
      const under = { essays: '/categories/essais', all: '/categories' }
      for (let i = 0; i < 2; i++) {
        for (const [link, path] of [
          [under.essays, `/categories/essais/${random()}`],
          [under.all, `/categories/${random()}`],
        ]) {
          const page = await visit(path)
          expect([page.status, page.d1, marked(page.body)]).toEqual([404, [], link])
          if (i > 0) expect(page.cache).toBe('hit')
          expect(page.body).toBe((await rendered(path)).body)
        }
      }
    } finally {
      await db.delete(navigationMenus)
      vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS + 1)
    }
  })

  it('answer HEAD and htmx requests the same way, each from its own shared entry', async () => {
    await knowAddresses()
    const head = await visit(`/posts/${random()}`, { method: 'HEAD' })
    expect([head.status, head.cache, head.body, head.d1]).toEqual([404, 'hit', '', []])

    const fragment = { headers: { 'HX-Request': 'true' } }
    const first = await visit(`/posts/${random()}`, fragment)
    expect([first.status, first.d1]).toEqual([404, []])
    const path = `/authors/${random()}`
    const second = await visit(path, fragment)
    expect([second.status, second.cache, second.d1]).toEqual([404, 'hit', []])
    expect(second.body).toBe((await rendered(path, fragment)).body)
    expect(second.body).not.toContain('<html')
  })
})

describe('pages and old addresses, while made-up addresses are answered from the cache', () => {
  const PAGES: [string, string, number, string | null][] = [
    ['a post', '/posts/post-1', 200, null],
    ['a note', '/posts/a-note', 200, null],
    ['a post with a Unicode slug', `/posts/${encodeURIComponent('café-crème')}`, 200, null],
    ['a page', '/a-propos', 200, null],
    ['a page with a Unicode slug', `/${encodeURIComponent('über-uns')}`, 200, null],
    ['a category', '/categories/essais', 200, null],
    ['a category without posts', '/categories/notes', 200, null],
    ['a category’s feed', '/categories/essais/atom.xml', 200, null],
    ['an author', '/authors/claire-dubois', 200, null],
    ['an author without posts', '/authors/james-hart', 200, null],
    ['an author’s feed', '/authors/claire-dubois/rss.xml', 200, null],
    ['the home page', '/', 200, null],
    ['a sitemap file', '/sitemap.xml', 200, null],
    ['an image', `/media/${IMAGE_KEY}`, 200, null],
    ['an imported old address', '/2019/05/old-post', 301, '/posts/post-1'],
    ['an imported old address with its slash', '/2019/05/old-post/', 301, '/posts/post-1'],
    ['an imported link with a query', '/?p=12', 301, '/posts/post-2'],
    ['an imported path with a query', '/index.php?page_id=7', 301, '/posts/post-3'],
    ['an escaped old address, as sent', '/caf%c3%a9/old', 301, '/posts/post-4'],
    ['a decoded old address', `/${encodeURIComponent('été')}/old`, 301, '/posts/post-5'],
    ['a changed slug', '/posts/first-name', 301, '/posts/second-name'],
    ['a trailing slash', '/posts/post-2/', 301, '/posts/post-2'],
    ['a made-up trailing slash', '/made-up-page/', 301, '/made-up-page'],
  ]

  it.each(PAGES)('serve %s', async (_, path, status, location) => {
    await knowAddresses()
    await expectRandomAddressIsFree()
    for (let i = 0; i < 2; i++) {
      const page = await visit(path)
      expect([page.status, page.location]).toEqual([status, location])
    }
  })

  it('serve a post published after the addresses were known, at once for its editor', async () => {
    await createEditor('not-found-editor@blog.example', 'owner')
    const cookie = await logIn('not-found-editor@blog.example')
    await knowAddresses()
    await expectRandomAddressIsFree()
    const slug = `fresh-${random()}`
    expect((await visit(`/posts/${slug}`)).status).toBe(404)

    const form = new URLSearchParams({
      title: 'Fresh',
      slug,
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
    expect(saved.status).toBe(303)
    const post = await visit(`/posts/${slug}`)
    expect([post.status, post.body.includes('Just now.')]).toEqual([200, true])
  })

  it('serve a post written elsewhere once the content state is read again', async () => {
    await knowAddresses()
    await expectRandomAddressIsFree()
    const slug = `written-elsewhere-${random()}`
    await createPost(db, postInput({ slug, authorId: ids.author.id }))
    vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS + 1)
    expect((await visit(`/posts/${slug}`)).status).toBe(200)
    const category = `/categories/${random()}`
    await addRedirect(db, category, '/categories/essais')
    vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS + 1)
    const moved = await visit(category)
    expect([moved.status, moved.location]).toEqual([301, '/categories/essais'])
  })

  it('serve a scheduled post as soon as its time comes', async () => {
    const goesLiveAt = Date.now() + HOUR
    const slug = `scheduled-${random()}`
    await createPost(
      db,
      postInput({
        slug,
        authorId: ids.author.id,
        status: 'scheduled',
        publishedAt: new Date(goesLiveAt),
      }),
    )
    vi.advanceTimersByTime(CONTENT_STATE_MAX_AGE_MS + 1)
    await knowAddresses()
    await expectRandomAddressIsFree()
    expect((await visit(`/posts/${slug}`)).status).toBe(404)
    vi.setSystemTime(goesLiveAt)
    const live = await visit(`/posts/${slug}`)
    expect(live.status).toBe(200)
    // The same known addresses still serve made-up ones: no D1 call, the shared entry from the second.
    expect((await visit(`/posts/${random()}`)).d1).toEqual([])
    await expectRandomAddressIsFree()
  })
})
