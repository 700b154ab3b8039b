import { eq } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { postRevisions, posts, sessions } from '../../../src/db/schema'
import { createAuthorAndCategories, db } from '../../fixtures'
import { createEditor, logIn, PASSWORD, postFields, request } from '../../admin-helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let cookie: string

function postForm(overrides: Record<string, string | string[]> = {}) {
  return postFields(ids.author.id, {
    title: 'Café à l’Hôtel',
    markdown: 'Le « petit » café du **matin**.\n\nSecond paragraphe.',
    categoryIds: [String(ids.essays.id)],
    status: 'published',
    ...overrides,
  })
}

async function save(form: Record<string, string | string[]>, path = '/admin/posts') {
  return request(path, { cookie, form })
}

async function savedPostId(response: Response) {
  expect(response.status).toBe(303)
  const match = /^\/admin\/posts\/(\d+)\?saved=1$/.exec(response.headers.get('Location') ?? '')
  expect(match).not.toBeNull()
  return Number(match![1])
}

const homeSlugs = async () =>
  [...(await (await request('/')).text()).matchAll(/<h2><a href="\/posts\/([^"]+)">/g)].map(
    (m) => m[1],
  )

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createEditor('owner@blog.example', 'owner')
})

// A fresh session per test, so no test depends on what an earlier one did to the sessions.
beforeEach(async () => {
  cookie = await logIn('owner@blog.example')
})

describe('writing a post', () => {
  it('publishes a post that appears first on the home page at once', async () => {
    const id = await savedPostId(await save(postForm()))
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.slug).toBe('cafe-a-l-hotel')
    expect(post.excerpt).toBe('Le « petit » café du matin.')
    expect(post.html).toContain('<strong>matin</strong>')
    expect((await homeSlugs())[0]).toBe('cafe-a-l-hotel')
    const page = await (await request('/posts/cafe-a-l-hotel')).text()
    expect(page).toContain('<h1>Café à l’Hôtel</h1>')
    expect(page).toContain('<article class="post" lang="fr">')
  })

  it('keeps a draft off the public site and publishes it on edit', async () => {
    const id = await savedPostId(await save(postForm({ title: 'Un brouillon', status: 'draft' })))
    expect(await homeSlugs()).not.toContain('un-brouillon')
    expect((await request('/posts/un-brouillon')).status).toBe(404)
    await savedPostId(
      await save(
        postForm({
          title: 'Un brouillon',
          slug: 'un-brouillon',
          status: 'published',
          version: '1',
        }),
        `/admin/posts/${id}`,
      ),
    )
    expect((await homeSlugs())[0]).toBe('un-brouillon')
  })

  it('schedules a post in the editor’s time zone; it appears by itself once due', async () => {
    const id = await savedPostId(
      await save(
        postForm({
          title: 'Programmé',
          status: 'scheduled',
          publishDate: '2099-07-01',
          publishTime: '09:30',
          timeZone: 'Europe/Paris',
        }),
      ),
    )
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.publishedAt!.toISOString()).toBe('2099-07-01T07:30:00.000Z')
    expect(await homeSlugs()).not.toContain('programme')
    // No write: the clock alone reaches the publication time.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2099-07-01T07:30:00.000Z') })
    try {
      expect(await homeSlugs()).toContain('programme')
    } finally {
      vi.useRealTimers()
    }
  })

  it('creates a new category inline, in the same save', async () => {
    const id = await savedPostId(
      await save(postForm({ title: 'Nouvelle rubrique', newCategory: 'Arts de la table' })),
    )
    const page = await (await request('/posts/nouvelle-rubrique')).text()
    expect(page).toContain('<a href="/categories/arts-de-la-table" rel="tag">Arts de la table</a>')
    const editor = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(editor).toContain('Arts de la table')
  })

  it('renders the live preview exactly as readers get it', async () => {
    const response = await request('/admin/posts/preview', {
      cookie,
      form: { markdown: '# Titre\n\n<script>alert(1)</script>\n\n*é*' },
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>Titre</h1>')
    expect(html).toContain('<p><em>é</em></p>')
    expect(html).not.toContain('<script')
  })
})

describe('bad input: a clear error, nothing lost', () => {
  const typed = 'Mon texte, « précieux », à ne pas perdre.'

  it('re-renders a form without a title, the text intact and an error by the field', async () => {
    const response = await save(postForm({ title: '  ', markdown: typed }))
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Give the post a title.')
    expect(html).toContain('id="title-error"')
    expect(html).toContain('Mon texte, « précieux », à ne pas perdre.</textarea>')
  })

  it('refuses a slug clash and suggests a free one', async () => {
    const response = await save(postForm({ markdown: typed }))
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('This slug is already used. “cafe-a-l-hotel-2” is free.')
    expect(html).toContain('value="Café à l’Hôtel"')
  })

  it('refuses an unknown category', async () => {
    const response = await save(
      postForm({ title: 'Autre', categoryIds: ['9999'], markdown: typed }),
    )
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('One of the chosen categories no longer exists.')
  })

  it('refuses a date that does not exist', async () => {
    const response = await save(
      postForm({
        title: 'Autre',
        status: 'scheduled',
        publishDate: '2099-02-30',
        publishTime: '10:00',
        markdown: typed,
      }),
    )
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('This date or time is not valid.')
    expect(html).toContain('value="2099-02-30"')
  })

  it('answers 413 for a body over 256 KB, the text still there', async () => {
    const big = 'é'.repeat(140 * 1024)
    const response = await save(postForm({ title: 'Trop long', markdown: big }))
    expect(response.status).toBe(413)
    const html = await response.text()
    expect(html).toContain('The body is larger than 256 KB.')
    expect(html).toContain(big)
  })

  it('speaks French when the site does', async () => {
    const { env } = await import('cloudflare:workers')
    const { app } = await import('../../../src/index')
    const body = new URLSearchParams({
      ...postForm({ title: '' }),
      categoryIds: String(ids.essays.id),
    } as Record<string, string>)
    const response = await app.request(
      'https://blog.example/admin/posts',
      {
        method: 'POST',
        body,
        headers: {
          Cookie: cookie,
          Origin: 'https://blog.example',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      },
      { ...env, SITE_LOCALE: 'fr' },
    )
    const html = await response.text()
    expect(response.status, html).toBe(422)
    expect(html).toContain('Donnez un titre à l’article.')
  })

  it('keeps the text when the session expired, asks to log in, then saves', async () => {
    const expired = await logIn('owner@blog.example')
    await db.delete(sessions)
    const form = postForm({ title: 'Écrit trop longtemps', markdown: typed })
    const refused = await request('/admin/posts', { cookie: expired, form })
    expect(refused.status).toBe(401)
    const html = await refused.text()
    expect(html).toContain('Your session has expired.')
    expect(html).toContain(`<input type="hidden" name="markdown" value="${typed}"/>`)
    expect(html).toContain('<input type="hidden" name="title" value="Écrit trop longtemps"/>')
    expect(html).toContain('name="loginPassword"')
    // The login form and nothing else: no category or author of the blog is shown.
    expect(html).not.toContain(ids.essays.name)
    expect(html).not.toContain(ids.author.name)
    expect(html).not.toContain('type="checkbox"')
    expect(
      await db.select().from(posts).where(eq(posts.slug, 'ecrit-trop-longtemps')),
    ).toHaveLength(0)

    const saved = await request('/admin/posts', {
      form: { ...form, loginEmail: 'owner@blog.example', loginPassword: PASSWORD },
    })
    const id = await savedPostId(saved)
    expect(saved.headers.get('Set-Cookie')).toMatch(/^__Host-session=/)
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.markdown).toBe(typed)
  })
})

describe('revisions', () => {
  it('keeps a revision per save and restores one', async () => {
    const id = await savedPostId(
      await save(postForm({ title: 'Version une', markdown: 'Premier jet.' })),
    )
    await savedPostId(
      await save(
        postForm({
          title: 'Version deux',
          slug: 'version-une',
          markdown: 'Second jet.',
          version: '1',
        }),
        `/admin/posts/${id}`,
      ),
    )
    const revisions = await db.select().from(postRevisions).where(eq(postRevisions.postId, id))
    expect(revisions.map((r) => r.title)).toEqual(['Version une', 'Version deux'])
    const editor = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(editor).toContain(`/admin/posts/${id}/revisions/${revisions[0].id}/restore`)

    const restored = await request(`/admin/posts/${id}/revisions/${revisions[0].id}/restore`, {
      cookie,
      form: {},
    })
    expect(restored.status).toBe(303)
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.title).toBe('Version une')
    expect(post.html).toBe('<p>Premier jet.</p>\n')
    expect(await db.select().from(postRevisions).where(eq(postRevisions.postId, id))).toHaveLength(
      3,
    )
  })
})

describe('trash', () => {
  it('asks for confirmation, removes the post from the site at once, and can undo', async () => {
    const id = await savedPostId(await save(postForm({ title: 'À supprimer' })))
    expect((await homeSlugs())[0]).toBe('a-supprimer')

    const confirm = await (await request(`/admin/posts/${id}/delete`, { cookie })).text()
    expect(confirm).toContain('Move “À supprimer” to the trash?')
    const deleted = await request(`/admin/posts/${id}/delete`, { cookie, form: {} })
    expect(deleted.headers.get('Location')).toBe(`/admin/posts?trashed=${id}`)
    expect(await homeSlugs()).not.toContain('a-supprimer')
    expect((await request('/posts/a-supprimer')).status).toBe(404)
    expect(await (await request('/categories/essais')).text()).not.toContain('a-supprimer')

    const list = await (await request(`/admin/posts?trashed=${id}`, { cookie })).text()
    expect(list).toContain(`action="/admin/posts/${id}/restore"`)
    const trash = await (await request('/admin/posts?status=trash', { cookie })).text()
    expect(trash).toContain('À supprimer')

    await request(`/admin/posts/${id}/restore`, { cookie, form: {} })
    expect((await homeSlugs())[0]).toBe('a-supprimer')
    expect(await (await request('/categories/essais')).text()).toContain('a-supprimer')
  })

  it('purges posts kept in the trash longer than 30 days', async () => {
    const { purgeTrash } = await import('../../../src/features/posts/writes')
    const id = await savedPostId(await save(postForm({ title: 'Vieux déchet' })))
    await request(`/admin/posts/${id}/delete`, { cookie, form: {} })
    expect(await purgeTrash(db)).toBe(0)
    await db
      .update(posts)
      .set({ deletedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(posts.id, id))
    expect(await purgeTrash(db)).toBe(1)
    expect(await db.select().from(posts).where(eq(posts.id, id))).toHaveLength(0)
  })
})

describe('admin post list', () => {
  it('filters by status, category and title, newest first', async () => {
    // Its own posts, so that it does not depend on what other tests saved.
    await savedPostId(await save(postForm({ title: 'Liste brouillon', status: 'draft' })))
    await savedPostId(await save(postForm({ title: 'Liste publiée', categoryIds: [] })))
    const all = await (await request('/admin/posts', { cookie })).text()
    expect(all).toContain('Liste brouillon')
    expect(all.indexOf('Liste publiée')).toBeLessThan(all.indexOf('Liste brouillon'))
    const drafts = await (await request('/admin/posts?status=draft', { cookie })).text()
    expect(drafts).toContain('Liste brouillon')
    expect(drafts).not.toContain('Liste publiée')
    const search = await (await request('/admin/posts?q=publi%C3%A9e', { cookie })).text()
    expect(search).toContain('Liste publiée')
    expect(search).not.toContain('Liste brouillon')
    const byCategory = await (
      await request(`/admin/posts?category=${ids.essays.id}&q=liste`, { cookie })
    ).text()
    expect(byCategory).toContain('Liste brouillon')
    expect(byCategory).not.toContain('Liste publiée')
    const none = await (await request(`/admin/posts?category=${ids.notes.id}`, { cookie })).text()
    expect(none).toContain('No posts match.')
  })

  it('loads more rows as an htmx fragment', async () => {
    for (let i = 0; i < 21; i++)
      await savedPostId(await save(postForm({ title: `Série ${i}`, status: 'draft' })))
    const html = await (await request('/admin/posts', { cookie })).text()
    const next = /hx-get="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&')
    const fragment = await request(next, { cookie, headers: { 'HX-Request': 'true' } })
    expect(fragment.headers.get('Vary')).toContain('HX-Request')
    const rows = await fragment.text()
    expect(rows).toMatch(/^<tr data-post-id=/)
    expect(rows).not.toContain('<html')
  })
})
