import { env } from 'cloudflare:workers'
import { app } from '../../src/index'
import { eq } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import staticHeaders from '../../static/_headers?raw'
import { createCategory } from '../../src/features/categories/queries'
import { createPost } from '../../src/features/posts/writes'
import { posts, users } from '../../src/db/schema'
import { FIELD_MAX } from '../../src/lib/validation/limits'
import { createEditor, logIn, ORIGIN, PASSWORD, postFields, request } from '../admin-helpers'
import { createAuthorAndCategories, db, postInput } from '../fixtures'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let cookie: string

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createEditor('hard@blog.example', 'owner')
})

beforeEach(async () => {
  cookie = await logIn('hard@blog.example')
})

function postForm(overrides: Record<string, string | string[]> = {}) {
  return postFields(ids.author.id, {
    title: 'Un article',
    markdown: 'Du texte.',
    categoryIds: [String(ids.essays.id)],
    ...overrides,
  })
}

describe('next after login', () => {
  const HOSTILE = ['/admin/%0aX:1', '/admin/%0d%0aSet-Cookie:x=1', '/admin/%00', '/admin/caf%C3%A9']

  it.each(HOSTILE)('falls back to the post list for next=%s, without a 500', async (next) => {
    const page = await request(`/admin?next=${next}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('name="next" value="/admin/posts"')
    const loggedIn = await request(`/admin?next=${next}`, { cookie })
    expect(loggedIn.status).toBe(303)
    expect(loggedIn.headers.get('Location')).toBe('/admin/posts')
    const login = await request('/admin/login', {
      form: { email: 'hard@blog.example', password: PASSWORD, next: decodeURIComponent(next) },
    })
    expect(login.status).toBe(303)
    expect(login.headers.get('Location')).toBe('/admin/posts')
  })
})

describe('every text field has a server-side maximum, with an error by the field', () => {
  it.each([
    ['excerpt', { excerpt: 'x'.repeat(900_000) }, 'Keep the excerpt under 1,000 characters.'],
    ['newCategory', { newCategory: 'y'.repeat(300_000) }, 'Keep the category name under 60'],
    ['slug', { slug: 'a'.repeat(100_000) }, 'Keep the slug under 100 characters.'],
    ['title', { title: 'T'.repeat(201) }, 'Keep the title under 200 characters.'],
  ])(
    'refuses a too long %s and gives the form back as typed',
    async (field, overrides, message) => {
      const response = await request('/admin/posts', { cookie, form: postForm(overrides) })
      expect(response.status).toBe(422)
      const html = await response.text()
      expect(html).toContain(`id="${field}-error">${message}`)
      expect(html).toContain(Object.values(overrides)[0])
    },
  )

  it('puts the same maxima on the inputs', async () => {
    const html = await (await request('/admin/posts/new', { cookie })).text()
    expect(html).toMatch(new RegExp(`name="title"[^>]*maxlength="${FIELD_MAX.title}"`))
    expect(html).toMatch(new RegExp(`name="slug"[^>]*maxlength="${FIELD_MAX.slug}"`))
    expect(html).toMatch(new RegExp(`name="excerpt"[^>]*maxlength="${FIELD_MAX.excerpt}"`))
    expect(html).toMatch(new RegExp(`name="newCategory"[^>]*maxlength="${FIELD_MAX.categoryName}"`))
    const users = await (await request('/admin/users', { cookie })).text()
    expect(users).toMatch(new RegExp(`name="name"[^>]*maxlength="${FIELD_MAX.editorName}"`))
    const list = await (await request('/admin/posts', { cookie })).text()
    expect(list).toMatch(new RegExp(`name="q"[^>]*maxlength="${FIELD_MAX.search}"`))
  })

  it('refuses a 300 KB editor name with the form kept', async () => {
    const name = 'N'.repeat(300_000)
    const response = await request('/admin/users', {
      cookie,
      form: { email: 'long@blog.example', name, role: 'editor', password: '' },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Keep the name under 100 characters.')
    expect(html).toContain(`value="${name}"`)
    expect(await db.select().from(users).where(eq(users.email, 'long@blog.example'))).toEqual([])
  })
})

describe('categories per post', () => {
  it('refuses 25 ticked categories plus a new one with a field error, not a 500', async () => {
    const many: string[] = []
    for (let n = 0; n < 25; n++)
      many.push(String((await createCategory(db, { slug: `c-${n}`, name: `C ${n}` })).id))
    const response = await request('/admin/posts', {
      cookie,
      form: postForm({ categoryIds: many, newCategory: 'Encore une', markdown: 'Gardé.' }),
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Choose at most 20 categories, the new one included.')
    expect(html).toContain('Gardé.</textarea>')
  })

  it('refuses 150 categoryIds with a field error, not "too many SQL variables"', async () => {
    const response = await request('/admin/posts', {
      cookie,
      form: postForm({ categoryIds: Array.from({ length: 150 }, (_, n) => String(n + 1)) }),
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Choose at most 20 categories')
  })
})

describe('admin search', () => {
  it.each(['é'.repeat(25), 'ü'.repeat(60), '%_\\'.repeat(20), '日本語'.repeat(10)])(
    'answers a long search (%s) without "LIKE pattern too complex"',
    async (q) => {
      const response = await request(`/admin/posts?q=${encodeURIComponent(q)}`, { cookie })
      expect(response.status).toBe(200)
    },
  )
})

describe('a scheduled post whose time has passed', () => {
  it('is shown as published and saves as served', async () => {
    const id = await createPost(
      db,
      postInput({
        slug: 'deja-en-ligne',
        authorId: ids.author.id,
        status: 'scheduled',
        publishedAt: new Date(Date.now() - 3_600_000),
      }),
    )
    const html = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(html).toMatch(/<input type="radio" name="status" value="published" checked=""/)
    const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)![1]
    const response = await request(`/admin/posts/${id}`, {
      cookie,
      form: postForm({
        title: field('title'),
        slug: field('slug'),
        categoryIds: [],
        status: 'published',
        publishDate: field('publishDate'),
        publishTime: field('publishTime'),
        version: field('version'),
      }),
    })
    expect(response.status).toBe(303)
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.status).toBe('published')
  })
})

describe('anonymous saves', () => {
  it('get the login form and nothing else, categories used only by drafts included', async () => {
    const secret = await createCategory(db, { slug: 'projet-secret', name: 'Projet secret' })
    await createPost(
      db,
      postInput({
        slug: 'brouillon',
        authorId: ids.author.id,
        status: 'draft',
        categoryIds: [secret.id],
      }),
    )
    const response = await request('/admin/posts', { form: postForm({ title: 'Anonyme' }) })
    expect(response.status).toBe(401)
    const html = await response.text()
    expect(html).toContain('name="loginPassword"')
    expect(html).not.toContain('Projet secret')
    expect(html).not.toContain(ids.author.name)
    expect(response.headers.get('Set-Cookie')).toBeNull()
  })
})

describe('headers', () => {
  it('sends no-store with the CSRF refusal under /admin', async () => {
    const response = await request('/admin/posts', {
      cookie,
      headers: { Origin: 'https://evil.example' },
      form: postForm(),
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
  })

  it('serves every static file with X-Content-Type-Options: nosniff', () => {
    const rules = staticHeaders.split(/\n(?=\S)/)
    const all = rules.find((rule) => rule.startsWith('/*\n'))
    expect(all).toMatch(/^\s+X-Content-Type-Options: nosniff$/m)
  })
})

describe('request bodies over 1 MB', () => {
  /** A body of `chunks` × 64 KB that counts how much of it was ever read. */
  function chunkedBody(chunks: number) {
    let pulled = 0
    let cancelled = false
    const stream = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled = true
      },
      pull(controller) {
        if (pulled === chunks) return controller.close()
        pulled++
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61))
      },
    })
    return { stream, pulled: () => pulled, cancelled: () => cancelled }
  }

  it('answers 413 to a 10 MB chunked body, having read only about the first megabyte', async () => {
    const body = chunkedBody(160)
    // Straight into the app, in this isolate, so the Worker reads this very stream.
    const response = await app.request(
      `${ORIGIN}/admin/posts`,
      {
        method: 'POST',
        headers: {
          Origin: ORIGIN,
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: cookie,
        },
        body: body.stream,
        duplex: 'half',
      } as RequestInit,
      env,
    )
    expect(response.status).toBe(413)
    expect(body.pulled()).toBeLessThan(40)
    // The rest is refused, not left for the client to keep sending into a stalled connection.
    expect(body.cancelled()).toBe(true)
  })

  it('answers 413 at once to a declared 10 MB body', async () => {
    const response = await request('/admin/posts', {
      method: 'POST',
      cookie,
      headers: {
        Origin: ORIGIN,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'a'.repeat(10 * 1024 * 1024),
    })
    expect(response.status).toBe(413)
  })
})
