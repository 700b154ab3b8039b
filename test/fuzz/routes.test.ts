import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { formToken } from '../../src/features/comments/form-token'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPost } from '../../src/features/posts/writes'
import { mediaUrl } from '../../src/features/media/url'
import { createEditor, logIn } from '../admin-helpers'
import { requestHandler as send, settleHandlerWork } from '../handler-requests'
import { createAuthorAndCategories, createPublishedPosts, db, postInput } from '../fixtures'
import { storeSample } from '../media-helpers'
import { pngWithMetadata } from '../media-samples'

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

/**
 * A header value as a client can send it: no NUL or line break, and bytes above Latin-1 arrive
 * as their UTF-8 bytes. Real validators and dates are mixed in, so the 304 paths are reached too.
 */
const headerValue = fc.oneof(
  {
    weight: 3,
    arbitrary: text.map((value) =>
      String.fromCharCode(...new TextEncoder().encode(value.slice(0, 4000))).replace(
        /[\0\r\n]/g,
        '',
      ),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: -8.64e15, max: 8.64e15 })
      .map((time) => new Date(time).toUTCString()),
  },
  { weight: 1, arbitrary: fc.constantFrom('*', 'W/"x"', '"a", W/"b", *', ',,,', '""') },
)

/** A path of odd segments: raw or encoded, doubled slashes, a trailing slash, `?p=` and such. */
const oddPath = fc
  .tuple(
    fc.array(fc.tuple(text, fc.boolean()), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('/', '//'),
    fc.boolean(),
    fc.option(fc.tuple(fc.constantFrom('p', 'page_id', 'cat', 'q', 'after'), text)),
  )
  .map(([segments, separator, trailing, search]) => {
    const path = segments
      .map(([value, raw]) => (raw ? value.replace(/[#?\s/]/g, '') : encodeURIComponent(value)))
      .join(separator)
      .slice(0, 4000)
    const q = search ? `?${search[0]}=${encodeURIComponent(search[1]).slice(0, 4000)}` : ''
    return `/${path}${trailing ? '/' : ''}${q}`
  })

/** The post editor's text fields (categories are a list, sent apart). */
const POST_FIELDS = [
  'title',
  'slug',
  'excerpt',
  'markdown',
  'language',
  'authorId',
  'status',
  'publishDate',
  'publishTime',
  'timeZone',
  'version',
]

/**
 * The whole file sends more than MIN_REQUESTS requests a run (checked at the end), every one of
 * which must answer below 500. Readers' addresses, which anyone can send and which are cheap to
 * answer, run READER_SCALE times their base count; the admin's forms, each one a render of the
 * editor, their base count.
 */
const MIN_REQUESTS = 5_000
const READER_SCALE = 14
const runs = (numRuns: number) => ({ numRuns })
const readerRuns = (base: number) => ({ numRuns: base * READER_SCALE })
const RUNS = runs(15)
/** Routes added later share the time budget: fewer runs each. */
const FEWER_RUNS = runs(8)

let requestsSent = 0
let serverErrors = 0
/** Every request of this file, counted, with its 5xx answers. */
async function request(...args: Parameters<typeof send>) {
  requestsSent++
  const response = await send(...args)
  if (response.status >= 500) serverErrors++
  return response
}

afterAll(async () => {
  await settleHandlerWork()
  console.log(`fuzz: ${requestsSent} requests, ${serverErrors} answered 5xx`)
  expect(requestsSent).toBeGreaterThanOrEqual(MIN_REQUESTS)
  expect(serverErrors).toBe(0)
})
let cookie: string
let postId: number
let categoryId: string
let authorId: string
let leavingCookie: string
let mediaPath: string

beforeAll(async () => {
  const { author, essays } = await createAuthorAndCategories()
  authorId = String(author.id)
  categoryId = String(essays.id)
  await createPublishedPosts(4, author.id)
  postId = await createPost(db, postInput({ slug: 'fuzz-cible', authorId: author.id }))
  await createEditor('fuzz@blog.example', 'owner')
  cookie = await logIn('fuzz@blog.example')
  await createEditor('leaving@blog.example')
  leavingCookie = await logIn('leaving@blog.example')
  mediaPath = mediaUrl(await storeSample(pngWithMetadata))
})

function escaped(value: string) {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * A property whose main check sits behind an `if` on the answer passes vacuously if that branch
 * is never taken (say, the route starts answering 400 instead of 422): it must have run at least once.
 */
function expectChecked(times: number, what: string) {
  expect(times, `${what}: the property never reached its check`).toBeGreaterThan(0)
}

async function expectNo5xx(response: Response, what: string) {
  const textual = /^(text\/|application\/(json|xml|atom|rss))/.test(
    response.headers.get('Content-Type') ?? 'text/plain',
  )
  const body = textual
    ? await response.text()
    : `(${(await response.arrayBuffer()).byteLength} bytes)`
  expect(response.status, `${what}\n${body.slice(0, 300)}`).toBeLessThan(500)
  return body
}

describe('no input gives a 5xx', { timeout: 300_000 }, () => {
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
      readerRuns(15),
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
        readerRuns(15),
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
    let refused = 0
    await fc.assert(
      fc.asyncProperty(form(['email', 'password', 'next']), async (fields) => {
        const response = await request('/admin/login', { form: fields })
        const html = await expectNo5xx(response, JSON.stringify(fields).slice(0, 300))
        if (response.status === 401) {
          refused++
          expect(html).toContain(`value="${escaped(fields.email)}"`)
        }
      }),
      RUNS,
    )
    expectChecked(refused, 'refused logins')
  })

  it.each([['/admin/posts'], ['/admin/posts/ID']])(
    'post form at %s comes back as typed when refused',
    async (path) => {
      const fields = form([...POST_FIELDS, 'newCategory'])
      const choices = fc.record({
        categoryIds: fc.array(fc.oneof(number, fc.constant(categoryId)), { maxLength: 30 }),
        validAuthor: fc.boolean(),
      })
      let refused = 0
      await fc.assert(
        fc.asyncProperty(fields, choices, async (typed, { categoryIds, validAuthor }) => {
          const sent = { ...typed, categoryIds, ...(validAuthor ? { authorId } : {}) }
          const response = await request(path.replace('ID', String(postId)), {
            cookie,
            form: sent,
          })
          const html = await expectNo5xx(response, JSON.stringify(sent).slice(0, 300))
          if ([409, 422].includes(response.status)) {
            refused++
            expect(html).toContain(`value="${escaped(typed.title)}"`)
            expect(html).toContain(`${escaped(typed.markdown.replace(/\r\n/g, '\n'))}</textarea>`)
          }
        }),
        RUNS,
      )
      expectChecked(refused, 'refused post forms')
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
    let refused = 0
    await fc.assert(
      fc.asyncProperty(form(['email', 'name', 'role', 'password']), async (fields) => {
        const response = await request('/admin/users', { cookie, form: fields })
        const html = await expectNo5xx(response, JSON.stringify(fields).slice(0, 300))
        if (response.status === 422) {
          refused++
          expect(html).toContain(`value="${escaped(fields.name.trim())}"`)
        }
      }),
      RUNS,
    )
    expectChecked(refused, 'refused editor forms')
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
      runs(5),
    )
  })

  it.each([
    ['/search', ['q'], {}],
    ['/search', ['q'], { 'HX-Request': 'true' }],
    ['/search', ['q', 'after'], {}],
    ['/', ['after'], { 'HX-Request': 'true' }],
    ['/categories/essais', ['after'], { 'HX-Request': 'true' }],
    ['/categories', ['x'], {}],
    ['/privacy', ['x'], {}],
    ['/sitemap.xml', ['x'], {}],
    ['/robots.txt', ['x'], {}],
    ['/notes', ['after'], {}],
    ['/notes', ['after'], { 'HX-Request': 'true' }],
  ])('reader GET %s ?%s with headers %o', async (path, names, headers) => {
    await fc.assert(
      fc.asyncProperty(query(names), async (q) => {
        await expectNo5xx(await request(`${path}?${q}`, { headers }), `${path}?${q.slice(0, 200)}`)
      }),
      readerRuns(8),
    )
  })

  it.each(
    ['/', '/categories/essais/', '/authors/claire-dubois/', '/categories/nowhere/'].flatMap(
      (base) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => base + file),
    ),
  )('feed %s with arbitrary conditional headers and query', async (path) => {
    await fc.assert(
      fc.asyncProperty(
        query(['after', 'x']),
        fc.option(headerValue),
        fc.option(headerValue),
        async (q, ifNoneMatch, ifModifiedSince) => {
          const headers: Record<string, string> = {}
          if (ifNoneMatch !== null) headers['If-None-Match'] = ifNoneMatch
          if (ifModifiedSince !== null) headers['If-Modified-Since'] = ifModifiedSince
          await expectNo5xx(
            await request(`${path}?${q}`, { headers }),
            `${path}?${q.slice(0, 200)} ${JSON.stringify(headers).slice(0, 300)}`,
          )
        },
      ),
      readerRuns(5),
    )
  })

  it('feed /feed with arbitrary conditional headers', async () => {
    await fc.assert(
      fc.asyncProperty(headerValue, headerValue, async (ifNoneMatch, ifModifiedSince) => {
        const headers = { 'If-None-Match': ifNoneMatch, 'If-Modified-Since': ifModifiedSince }
        await expectNo5xx(
          await request('/feed', { headers }),
          JSON.stringify(headers).slice(0, 300),
        )
      }),
      readerRuns(8),
    )
  })

  it('any path: trailing slashes, doubled slashes, odd encoding, old-engine queries', async () => {
    await fc.assert(
      fc.asyncProperty(oddPath, async (path) => {
        await expectNo5xx(await request(path), path.slice(0, 200))
      }),
      readerRuns(30),
    )
  })

  it('any name after /media/, with arbitrary w and If-None-Match', async () => {
    const name = fc.oneof(
      text.map((segment) => encodeURIComponent(segment).slice(0, 4000)),
      fc.constant(mediaPath.slice('/media/'.length)),
      fc.constant(`${'0'.repeat(64)}.png`),
    )
    await fc.assert(
      fc.asyncProperty(name, query(['w']), fc.option(headerValue), async (key, q, etag) => {
        const headers: Record<string, string> = etag === null ? {} : { 'If-None-Match': etag }
        await expectNo5xx(
          await request(`/media/${key}?${q}`, { headers }),
          `/media/${key.slice(0, 100)}?${q.slice(0, 200)} ${String(etag).slice(0, 100)}`,
        )
      }),
      readerRuns(15),
    )
  })

  it.each([
    ['/admin/authors', ['saved']],
    ['/admin/media', ['before', 'uploaded', 'deleted']],
    ['/admin/media/library', ['before']],
    ['/admin/posts/ID/preview', ['x']],
    ['/admin/posts/ID/delete', ['x']],
    ['/admin/import', ['x']],
    ['/admin/review', ['done']],
  ])('editor GET %s ?%s (newer routes)', async (path, names) => {
    await fc.assert(
      fc.asyncProperty(query(names), async (q) => {
        const url = `${path.replace('ID', String(postId))}?${q}`
        await expectNo5xx(await request(url, { cookie }), url.slice(0, 200))
      }),
      FEWER_RUNS,
    )
  })

  it.each([['/admin/authors'], ['/admin/authors/ID']])(
    'author form at %s comes back as typed when refused',
    async (path) => {
      const choices = fc.record({ validEditor: fc.boolean() })
      let refused = 0
      await fc.assert(
        fc.asyncProperty(
          form(['name', 'slug', 'bio', 'userId']),
          choices,
          async (typed, { validEditor }) => {
            const sent = validEditor ? { ...typed, userId: '' } : typed
            const response = await request(path.replace('ID', authorId), { cookie, form: sent })
            const html = await expectNo5xx(response, JSON.stringify(sent).slice(0, 300))
            if (response.status === 422) {
              refused++
              expect(html).toContain(`value="${escaped(sent.name)}"`)
              expect(html).toContain(`value="${escaped(sent.slug)}"`)
            }
          },
        ),
        // One refusal for sure (an empty name), however the draw goes.
        {
          ...FEWER_RUNS,
          examples: [[{ name: '', slug: 'x', bio: '', userId: '' }, { validEditor: true }]],
        },
      )
      expectChecked(refused, 'refused author forms')
    },
  )

  it('note form comes back as typed when refused', async () => {
    const fields = form([
      'title',
      'sourceUrl',
      'siteName',
      'quote',
      'comment',
      'sourcePublishedAt',
      'imageUrl',
      'keepImage',
      'categoryIds',
      'newCategory',
      'language',
      'publishDate',
      'publishTime',
      'timeZone',
      'intent',
    ])
    let refused = 0
    await fc.assert(
      fc.asyncProperty(fields, fc.boolean(), async (typed, validAuthor) => {
        // No image is fetched: only the form's own rules and the database are exercised.
        const sent = { ...typed, keepImage: '', imageUrl: '', ...(validAuthor ? { authorId } : {}) }
        const response = await request('/admin/notes', { cookie, form: sent })
        const html = await expectNo5xx(response, JSON.stringify(sent).slice(0, 300))
        if (response.status === 422) {
          refused++
          expect(html).toContain(`value="${escaped(typed.title)}"`)
        }
      }),
      FEWER_RUNS,
    )
    expectChecked(refused, 'refused note forms')
  })

  it("a reader's comment form comes back as typed when refused", async () => {
    const fields = form(['name', 'email', 'url', 'comment', 'notify', 'parent', 'phone', 'token'])
    let refused = 0
    await fc.assert(
      fc.asyncProperty(fields, fc.boolean(), async (typed, signed) => {
        // A token a form rendered a minute ago carries, half the time: the checks after it run too.
        const token = signed
          ? await formToken(env.AUTH_PEPPER, postId, Date.now() - 60_000)
          : typed.token
        const sent = { ...typed, token, phone: signed ? '' : typed.phone }
        const response = await request('/posts/fuzz-cible/comments', { form: sent })
        const html = await expectNo5xx(response, JSON.stringify(sent).slice(0, 300))
        expect(response.headers.get('Set-Cookie')).toBeNull()
        if (response.status === 422) {
          refused++
          expect(html).toContain(`value="${escaped(typed.name)}"`)
        }
      }),
      FEWER_RUNS,
    )
    expectChecked(refused, 'refused comment forms')
  })

  it('share target with arbitrary url, title and text', async () => {
    await fc.assert(
      fc.asyncProperty(query(['title', 'text', 'x']), async (q) => {
        await expectNo5xx(
          await request(`/admin/share?${q}`, { cookie }),
          `/admin/share?${q.slice(0, 200)}`,
        )
      }),
      FEWER_RUNS,
    )
  })

  it('media upload form without a file comes back with the alt text as typed', async () => {
    let asPage = 0
    await fc.assert(
      fc.asyncProperty(form(['alt', 'file', 'x']), fc.boolean(), async (fields, json) => {
        const headers: Record<string, string> = json ? { Accept: 'application/json' } : {}
        const response = await request('/admin/media', { cookie, form: fields, headers })
        const body = await expectNo5xx(response, JSON.stringify(fields).slice(0, 300))
        expect(response.status).toBeGreaterThanOrEqual(400)
        if (!json) {
          asPage++
          expect(body).toContain(`value="${escaped(fields.alt)}"`)
        }
      }),
      // One answer as a page for sure: `json` is a coin toss.
      { ...FEWER_RUNS, examples: [[{ alt: 'Les toits', file: '', x: '' }, false]] },
    )
    expectChecked(asPage, 'refused uploads answered as a page')
  })

  it.each([['/admin/posts/autosave'], ['/admin/posts/ID/autosave']])(
    'autosave at %s with arbitrary fields',
    async (path) => {
      const fields = form(POST_FIELDS)
      await fc.assert(
        fc.asyncProperty(fields, fc.boolean(), async (typed, validAuthor) => {
          const sent = { ...typed, ...(validAuthor ? { authorId } : {}) }
          await expectNo5xx(
            await request(path.replace('ID', String(postId)), { cookie, form: sent }),
            JSON.stringify(sent).slice(0, 300),
          )
        }),
        FEWER_RUNS,
      )
    },
  )

  it('import upload form without a file is refused, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(form(['file', 'dryRun', 'x']), async (fields) => {
        const response = await request('/admin/import', { cookie, form: fields })
        await expectNo5xx(response, JSON.stringify(fields).slice(0, 300))
        expect(response.status).toBe(422)
      }),
      FEWER_RUNS,
    )
  })

  it.each([['/admin/import/'], ['/admin/media/']])(
    'any job or media id after %s, read or acted on',
    async (prefix) => {
      await fc.assert(
        fc.asyncProperty(text, query(['x']), async (id, q) => {
          const base = prefix + encodeURIComponent(id).slice(0, 4000)
          const read = prefix === '/admin/import/' ? `${base}?${q}` : `${base}/delete`
          await expectNo5xx(await request(read, { cookie }), read.slice(0, 200))
          const run = prefix === '/admin/import/' ? `${base}/run` : `${base}/delete`
          await expectNo5xx(await request(run, { cookie, form: { x: q } }), run.slice(0, 200))
        }),
        runs(6),
      )
    },
  )

  it.each(['/admin/users/999/enable', '/admin/users/999/delete', '/admin/logout'])(
    'action %s with arbitrary fields (newer routes)',
    async (path) => {
      // Logging out ends the session it is sent with: that one is its own.
      const session = path === '/admin/logout' ? leavingCookie : cookie
      await fc.assert(
        fc.asyncProperty(form(['version', 'x']), async (fields) => {
          await expectNo5xx(await request(path, { cookie: session, form: fields }), path)
        }),
        runs(3),
      )
    },
  )
})

describe('the review step and roles, with arbitrary fields', () => {
  it.each([
    ['/admin/review/ID/publish', ['version', 'when', 'publishDate', 'publishTime', 'timeZone']],
    ['/admin/review/ID/return', ['note']],
    ['/admin/users/999/role', ['role']],
  ])('%s is never a 5xx', async (path, names) => {
    await fc.assert(
      fc.asyncProperty(form(names), async (fields) => {
        const url = path.replace('ID', String(postId))
        await expectNo5xx(await request(url, { cookie, form: fields }), url)
      }),
      runs(3),
    )
  })
})

describe('following by email, with arbitrary fields and tokens', () => {
  it.each([
    ['/subscribe', ['email', 'language', 'x']],
    ['/subscribe/confirm/TOKEN', ['x']],
    ['/unsubscribe/TOKEN', ['List-Unsubscribe', 'x']],
    ['/admin/subscribers/999/delete', ['x']],
    ['/admin/subscribers/import', ['file', 'consent']],
    ['/admin/subscribers/settings', ['emailPosts', 'emailNotes', 'fullPost', 'dailyCap']],
  ])('%s is never a 5xx', async (path, names) => {
    await fc.assert(
      fc.asyncProperty(text, form(names), async (token, fields) => {
        const url = path.replace('TOKEN', encodeURIComponent(token).slice(0, 300) || 'x')
        await expectNo5xx(await request(url, { cookie, form: fields }), url)
      }),
      runs(3),
    )
  })
})

describe('inputs the properties found', () => {
  it('a 404 address with a megabyte query string is looked up without a D1 error', async () => {
    const query = `after=&x=${encodeURIComponent(MEGABYTE)}`
    for (const path of ['/categories/nowhere/atom.xml', '/nowhere/', '/?p=1']) {
      const response = await request(`${path}${path.includes('?') ? '&' : '?'}${query}`)
      expect(response.status, path).toBeLessThan(500)
      await response.body?.cancel()
    }
  })
})
