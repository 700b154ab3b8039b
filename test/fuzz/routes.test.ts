import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPost } from '../../src/db/post-writes'
import { createEditor, logIn, request } from '../admin-helpers'
import { createAuthorAndCategories, createPublishedPosts, db, postInput } from '../fixtures'

/**
 * Property-based: whatever is typed into any form or query of any route (unicode, NUL, CR/LF,
 * a megabyte, SQL and FTS syntax, malformed percent-encoding, odd numbers), the answer is never
 * a 5xx, and a rejected form comes back with what was typed.
 */

const MEGABYTE = 'é'.repeat(512 * 1024)
const hostile = fc.constantFrom(
  '',
  '\u0000',
  'a\r\nb',
  '\r\nSet-Cookie: x=1',
  "' OR 1=1 --",
  '"; DROP TABLE posts; --',
  'NEAR(a b) AND "x" OR y*',
  '%',
  '%zz',
  '%E9',
  '%%41',
  '<script>alert(1)</script>',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈 é̀',
  '../../etc/passwd',
  MEGABYTE,
)
const number = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('NaN', '-1', '0', '1e309', '9007199254740993', '0x10', ' 1 ', '1.5'),
)
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: hostile },
  { weight: 2, arbitrary: number },
)

/** A query string whose values are percent-encoded, or sometimes sent raw (malformed). */
const query = (names: string[]) =>
  fc
    .tuple(...names.map(() => fc.tuple(text, fc.boolean())))
    .map((values) =>
      values
        .map(
          ([value, raw], i) =>
            `${names[i]}=${raw ? value.replace(/[#&\s]/g, '') : encodeURIComponent(value)}`,
        )
        .join('&'),
    )

const form = (names: string[]) =>
  fc
    .tuple(...names.map(() => text))
    .map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]])))

const RUNS = { numRuns: 15 }
let cookie: string
let postId: number
let categoryId: string
let authorId: string

beforeAll(async () => {
  const { author, essays } = await createAuthorAndCategories()
  authorId = String(author.id)
  categoryId = String(essays.id)
  await createPublishedPosts(4, author.id)
  postId = await createPost(db, postInput({ slug: 'fuzz-cible', authorId: author.id }))
  await createEditor('fuzz@blog.example', 'owner')
  cookie = await logIn('fuzz@blog.example')
})

function escaped(value: string) {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

async function expectNo5xx(response: Response, what: string) {
  const body = await response.text()
  expect(response.status, `${what}\n${body.slice(0, 300)}`).toBeLessThan(500)
  return body
}

describe('no input gives a 5xx', { timeout: 120_000 }, () => {
  it.each([
    ['/', ['after']],
    ['/', ['through']],
    ['/categories/essais', ['after', 'through']],
    ['/authors/claire-dubois', ['after']],
    ['/posts/post-1', ['utm_source', 'ref']],
    ['/admin', ['next']],
  ])('reader and login GET %s ?%s', async (path, names) => {
    await fc.assert(
      fc.asyncProperty(query(names), async (q) => {
        await expectNo5xx(await request(`${path}?${q}`), `${path}?${q.slice(0, 200)}`)
      }),
      RUNS,
    )
  })

  it.each([['/posts/'], ['/categories/'], ['/authors/']])(
    'any path segment after %s',
    async (prefix) => {
      await fc.assert(
        fc.asyncProperty(text, fc.boolean(), async (segment, raw) => {
          const path =
            prefix + (raw ? segment.replace(/[#?\s/]/g, '') : encodeURIComponent(segment))
          await expectNo5xx(await request(path.slice(0, 8000)), path.slice(0, 200))
        }),
        RUNS,
      )
    },
  )

  it.each([
    ['/admin/posts', ['status', 'category', 'q', 'after', 'trashed']],
    ['/admin/posts/new', ['x']],
    ['/admin/posts/1', ['saved', 'restored', 'untrashed']],
    ['/admin/analytics', ['from', 'to', 'range']],
    ['/admin/analytics.csv', ['from', 'to', 'range']],
    ['/admin/users', ['x']],
    ['/admin/account', ['changed']],
  ])('editor GET %s ?%s', async (path, names) => {
    await fc.assert(
      fc.asyncProperty(query(names), async (q) => {
        await expectNo5xx(await request(`${path}?${q}`, { cookie }), `${path}?${q.slice(0, 200)}`)
      }),
      RUNS,
    )
  })

  it('login form', async () => {
    await fc.assert(
      fc.asyncProperty(form(['email', 'password', 'next']), async (fields) => {
        const response = await request('/admin/login', { form: fields })
        const html = await expectNo5xx(response, JSON.stringify(fields).slice(0, 300))
        if (response.status === 401) expect(html).toContain(`value="${escaped(fields.email)}"`)
      }),
      RUNS,
    )
  })

  it.each([['/admin/posts'], ['/admin/posts/ID']])(
    'post form at %s comes back as typed when refused',
    async (path) => {
      const fields = form([
        'title',
        'slug',
        'excerpt',
        'markdown',
        'newCategory',
        'language',
        'authorId',
        'status',
        'publishDate',
        'publishTime',
        'timeZone',
        'version',
      ])
      const choices = fc.record({
        categoryIds: fc.array(fc.oneof(number, fc.constant(categoryId)), { maxLength: 30 }),
        validAuthor: fc.boolean(),
      })
      await fc.assert(
        fc.asyncProperty(fields, choices, async (typed, { categoryIds, validAuthor }) => {
          const sent = { ...typed, categoryIds, ...(validAuthor ? { authorId } : {}) }
          const response = await request(path.replace('ID', String(postId)), {
            cookie,
            form: sent,
          })
          const html = await expectNo5xx(response, JSON.stringify(sent).slice(0, 300))
          if ([409, 422].includes(response.status)) {
            expect(html).toContain(`value="${escaped(typed.title)}"`)
            expect(html).toContain(`${escaped(typed.markdown.replace(/\r\n/g, '\n'))}</textarea>`)
          }
        }),
        RUNS,
      )
    },
  )

  it('preview form', async () => {
    await fc.assert(
      fc.asyncProperty(form(['markdown', 'language']), async (fields) => {
        await expectNo5xx(
          await request('/admin/posts/preview', { cookie, form: fields }),
          JSON.stringify(fields).slice(0, 300),
        )
      }),
      RUNS,
    )
  })

  it('new editor form comes back as typed when refused', async () => {
    await fc.assert(
      fc.asyncProperty(form(['email', 'name', 'role', 'password']), async (fields) => {
        const response = await request('/admin/users', { cookie, form: fields })
        const html = await expectNo5xx(response, JSON.stringify(fields).slice(0, 300))
        if (response.status === 422)
          expect(html).toContain(`value="${escaped(fields.name.trim())}"`)
      }),
      RUNS,
    )
  })

  it('password change form', async () => {
    await fc.assert(
      fc.asyncProperty(
        form(['currentPassword', 'newPassword', 'repeatPassword']),
        async (fields) => {
          await expectNo5xx(
            await request('/admin/account/password', { cookie, form: fields }),
            JSON.stringify(fields).slice(0, 300),
          )
        },
      ),
      RUNS,
    )
  })

  it.each([
    '/admin/posts/ID/delete',
    '/admin/posts/ID/restore',
    '/admin/posts/ID/revisions/999/restore',
    '/admin/users/999/disable',
  ])('action %s with arbitrary fields', async (path) => {
    await fc.assert(
      fc.asyncProperty(form(['version', 'x']), async (fields) => {
        await expectNo5xx(
          await request(path.replace('ID', String(postId)), { cookie, form: fields }),
          path,
        )
      }),
      { numRuns: 5 },
    )
  })
})
