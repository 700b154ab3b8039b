import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../../src/index'
import { audienceDailyCounts, posts, previewLinks } from '../../../src/db/schema'
import { createPost } from '../../../src/features/posts/writes'
import { signPreviewToken } from '../../../src/features/preview-links/token'
import { createAuthorAndCategories, db, postInput } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'
const HOUR = 3_600_000

let authorId: number
let cookie: string

beforeAll(async () => {
  authorId = (await createAuthorAndCategories()).author.id
  await createEditor('preview@blog.example')
  cookie = await logIn('preview@blog.example')
})

/** A visit by someone without an account, waiting for what the Worker does after answering. */
async function visit(path: string) {
  const ctx = createExecutionContext()
  const request = new Request(`https://blog.example${path}`, {
    headers: { 'User-Agent': CHROME, 'CF-Connecting-IP': '192.0.2.9' },
    redirect: 'manual',
  })
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx)
  const html = await response.text()
  await waitOnExecutionContext(ctx)
  return { response, html }
}

async function draft(slug: string, overrides: Parameters<typeof postInput>[0] | object = {}) {
  return createPost(
    db,
    postInput({
      slug,
      authorId,
      title: `Brouillon ${slug}`,
      status: 'draft',
      publishedAt: null,
      html: `<p>Le texte de ${slug}.</p>`,
      ...overrides,
    }),
  )
}

/** Shares the post from its edit page, as the Share preview button does, and reads the address. */
async function share(id: number) {
  const response = await request(`/admin/preview-links/${id}`, { cookie, form: {} })
  expect(response.status).toBe(303)
  expect(response.headers.get('Location')).toBe(`/admin/posts/${id}?preview=shared#preview-share`)
  const page = await (await request(`/admin/posts/${id}?preview=shared`, { cookie })).text()
  expect(page).toContain('Preview link made.')
  const address = /value="https:\/\/blog\.example(\/preview\/[^"]+)"/.exec(page)?.[1]
  expect(address).toBeTruthy()
  return address!
}

const pageCount = async (path: string) =>
  (await db.select().from(audienceDailyCounts).where(eq(audienceDailyCounts.key, path))).length

describe('preview links', () => {
  it('show a draft as readers will see it, privately, to someone without an account', async () => {
    const id = await draft('apercu')
    // Readers cannot see the draft.
    expect((await visit('/posts/apercu')).response.status).toBe(404)
    const address = await share(id)
    expect(address).toMatch(new RegExp(`^/preview/${id}\\.[0-9a-z]+\\.[\\w-]+\\.[\\w-]{43}$`))

    for (let n = 0; n < 2; n++) {
      const { response, html } = await visit(address)
      expect(response.status).toBe(200)
      expect(html).toContain('Le texte de apercu.')
      expect(html).toContain('<meta name="robots" content="noindex"/>')
      expect(response.headers.get('Cache-Control')).toBe('private, no-store')
      expect(response.headers.get('X-Robots-Tag')).toBe('noindex, nofollow')
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
      // Never from or into the page cache.
      expect(response.headers.get('X-Page-Cache')).toBeNull()
      expect(response.headers.get('Set-Cookie')).toBeNull()
    }
    expect(await pageCount(address)).toBe(0)
  })

  it('answer 404 once revoked, and once replaced by a new address', async () => {
    const id = await draft('revoque')
    const first = await share(id)
    const second = await share(id)
    expect(second).not.toBe(first)
    expect((await visit(first)).response.status).toBe(404)
    expect((await visit(second)).response.status).toBe(200)

    const revoked = await request(`/admin/preview-links/${id}/revoke`, { cookie, form: {} })
    expect(revoked.status).toBe(303)
    const page = await (await request(`/admin/posts/${id}?preview=revoked`, { cookie })).text()
    expect(page).toContain('Preview link revoked')
    expect(page).not.toContain('/preview/')
    expect((await visit(second)).response.status).toBe(404)
  })

  it('answer 404 to a tampered token: another post, a later expiry, another signature', async () => {
    const id = await draft('intact')
    const other = await draft('autre')
    await share(other)
    const address = await share(id)
    const [, , postId, expiry, nonce, signature] =
      /^(\/preview\/)(\d+)\.(\w+)\.([\w-]+)\.([\w-]+)$/.exec(address)!
    const later = (parseInt(expiry, 36) + 30 * 24 * HOUR).toString(36)
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`
    for (const forged of [
      `/preview/${other}.${expiry}.${nonce}.${signature}`,
      `/preview/${postId}.${later}.${nonce}.${signature}`,
      `/preview/${postId}.${expiry}.${nonce}.${flipped}`,
      `/preview/${postId}.${expiry}.${nonce}x.${signature}`,
      `/preview/${postId}.${expiry}.${nonce}`,
      '/preview/nothing',
    ]) {
      expect((await visit(forged)).response.status, forged).toBe(404)
    }
    // A token signed with another secret is no token.
    const [row] = await db.select().from(previewLinks).where(eq(previewLinks.postId, id))
    const foreign = await signPreviewToken('another-secret', {
      postId: id,
      nonce: row.nonce,
      expiresAt: row.expiresAt.getTime(),
    })
    expect((await visit(`/preview/${foreign}`)).response.status).toBe(404)
    expect((await visit(address)).response.status).toBe(200)
  })

  it('expire after 7 days: 410', async () => {
    const id = await draft('perime')
    const before = Date.now()
    await share(id)
    const [row] = await db.select().from(previewLinks).where(eq(previewLinks.postId, id))
    const expiresAt = row.expiresAt.getTime()
    expect(expiresAt - before).toBeGreaterThanOrEqual(7 * 24 * HOUR)
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(7 * 24 * HOUR)
    // The same link, its week over: the signed expiry is in the past.
    const past = Date.now() - 1000
    await db
      .update(previewLinks)
      .set({ expiresAt: new Date(past) })
      .where(eq(previewLinks.postId, id))
    const token = await signPreviewToken(env.AUTH_PEPPER, {
      postId: id,
      nonce: row.nonce,
      expiresAt: past,
    })
    expect((await visit(`/preview/${token}`)).response.status).toBe(410)
    // And the edit page offers a new one.
    const page = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(page).toContain('Share preview')
    expect(page).not.toContain('/preview/')
  })

  it('lead to the post once it is published; a live post offers none', async () => {
    const id = await draft('bientot', {
      status: 'scheduled',
      publishedAt: new Date(Date.now() + 24 * HOUR),
    })
    const address = await share(id)
    expect((await visit(address)).response.status).toBe(200)
    await db
      .update(posts)
      .set({ status: 'published', publishedAt: new Date(Date.now() - HOUR) })
      .where(eq(posts.id, id))
    const { response } = await visit(address)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/posts/bientot')

    const page = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(page).not.toContain('Share preview')
    const refused = await request(`/admin/preview-links/${id}`, { cookie, form: {} })
    expect(refused.status).toBe(409)
  })

  it('lead to a post with a slug in another script by its encoded address', async () => {
    const id = await draft('été-à-paris', {
      status: 'scheduled',
      publishedAt: new Date(Date.now() + 24 * HOUR),
    })
    const address = await share(id)
    await db
      .update(posts)
      .set({ status: 'published', publishedAt: new Date(Date.now() - HOUR) })
      .where(eq(posts.id, id))
    const { response } = await visit(address)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/posts/${encodeURIComponent('été-à-paris')}`)
  })

  it('are not made for pages, which are previewed in their own editor', async () => {
    const id = await draft('a-venir', { kind: 'page' })
    const refused = await request(`/admin/preview-links/${id}`, { cookie, form: {} })
    expect(refused.status).toBe(404)
    const editor = await (await request(`/admin/pages/${id}`, { cookie })).text()
    expect(editor).not.toContain('Share preview')
  })

  it('are made and revoked by editors only', async () => {
    const id = await draft('prive')
    const response = await request(`/admin/preview-links/${id}`, { form: {} })
    expect(response.status).not.toBe(303)
    expect(await db.select().from(previewLinks).where(eq(previewLinks.postId, id))).toEqual([])
  })
})
