/**
 * What each role may do with posts and notes, checked on the server: a contributor writes drafts
 * but never publishes or schedules, whatever the form sends; an author publishes their own and
 * cannot touch others'; the owner and editors change everything.
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, media, posts, users } from '../../../src/db/schema'
import { createPost } from '../../../src/features/posts/writes'
import { createEditor, logIn, postFields, request } from '../../admin-helpers'
import { createAuthorAndCategories, db, insertImageRow, postInput } from '../../fixtures'
import { noteForm } from '../../note-helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
const cookies = {} as Record<'owner' | 'editor' | 'author' | 'contributor', string>
const userIds = {} as Record<keyof typeof cookies, number>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  for (const role of ['owner', 'editor', 'author', 'contributor'] as const) {
    userIds[role] = (await createEditor(`${role}@blog.example`, role)).id
    cookies[role] = await logIn(`${role}@blog.example`)
  }
  // Authors and contributors sign as themselves: here both write as the fixture's author, as an
  // invitee writes under the profile made when they joined.
  for (const role of ['author', 'contributor'] as const)
    await db.update(users).set({ authorId: ids.author.id }).where(eq(users.id, userIds[role]))
})

async function postBySlug(slug: string) {
  const [post] = await db.select().from(posts).where(eq(posts.slug, slug))
  return post
}

const form = (overrides: Record<string, string | string[]>) =>
  postFields(ids.author.id, { language: 'en', ...overrides })

describe('a contributor', () => {
  it('saves a new draft, which is theirs', async () => {
    const response = await request('/admin/posts', {
      cookie: cookies.contributor,
      form: form({ title: 'A contributor draft' }),
    })
    expect(response.status).toBe(303)
    const post = await postBySlug('a-contributor-draft')
    expect(post).toMatchObject({ status: 'draft', createdBy: userIds.contributor })
  })

  it('is refused publishing or scheduling a new post, and nothing is written', async () => {
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
    const attempts: Record<string, string>[] = [
      { title: 'Sneaked out', status: 'published' },
      { title: 'Sneaked later', status: 'scheduled', publishDate: future, publishTime: '09:00' },
    ]
    for (const overrides of attempts) {
      const response = await request('/admin/posts', {
        cookie: cookies.contributor,
        form: form(overrides),
      })
      expect(response.status, overrides.status).toBe(403)
    }
    expect(await postBySlug('sneaked-out')).toBeUndefined()
    expect(await postBySlug('sneaked-later')).toBeUndefined()
  })

  it('is refused publishing their own draft, which stays a draft', async () => {
    const post = await postBySlug('a-contributor-draft')
    const response = await request(`/admin/posts/${post.id}`, {
      cookie: cookies.contributor,
      form: form({ title: 'A contributor draft', status: 'published', version: '1' }),
    })
    expect(response.status).toBe(403)
    expect((await postBySlug('a-contributor-draft')).status).toBe('draft')
    expect((await request('/posts/a-contributor-draft')).status).toBe(404)
  })

  it('sees Draft only: no Published or Scheduled choice, and Submit for review', async () => {
    const html = await (await request('/admin/posts/new', { cookie: cookies.contributor })).text()
    expect(html).toContain('name="status" value="draft"')
    expect(html).not.toContain('value="published"')
    expect(html).not.toContain('value="scheduled"')
    expect(html).toContain('Submit for review')
  })

  it('no longer changes their post once an editor has published it', async () => {
    const post = await postBySlug('a-contributor-draft')
    const published = await request(`/admin/posts/${post.id}`, {
      cookie: cookies.editor,
      form: form({ title: 'A contributor draft', status: 'published', version: '1' }),
    })
    expect(published.status).toBe(303)
    const again = await request(`/admin/posts/${post.id}`, {
      cookie: cookies.contributor,
      form: form({ title: 'Taken down', status: 'draft', version: '2' }),
    })
    expect(again.status).toBe(403)
    expect(await postBySlug('a-contributor-draft')).toMatchObject({ status: 'published' })
    const page = await (
      await request(`/admin/posts/${post.id}`, { cookie: cookies.contributor })
    ).text()
    expect(page).toContain('Only editors and the owner can do this.')
    expect(page).not.toContain('>Save</button>')
    // Nor is what they type autosaved into a refusal.
    expect(page).not.toContain('data-autosave')
  })

  it('is refused publishing a note, and may keep it as a draft', async () => {
    const refused = await request('/admin/notes', {
      cookie: cookies.contributor,
      form: noteForm(ids, { title: 'Contributor note' }),
    })
    expect(refused.status).toBe(403)
    const kept = await request('/admin/notes', {
      cookie: cookies.contributor,
      form: noteForm(ids, { title: 'Contributor note', intent: 'draft' }),
    })
    expect(kept.status).toBe(303)
    const [note] = await db.select().from(posts).where(eq(posts.title, 'Contributor note'))
    expect(note).toMatchObject({ kind: 'note', status: 'draft', createdBy: userIds.contributor })
    const form = await (await request('/admin/notes', { cookie: cookies.contributor })).text()
    expect(form).not.toContain('value="publish"')
    expect(form).toContain('value="review"')
  })
})

describe('an author', () => {
  let editorsPost: number

  beforeAll(async () => {
    editorsPost = await createPost(
      db,
      postInput({ slug: 'the-editors-post', authorId: ids.otherAuthor.id }),
      userIds.editor,
    )
  })

  it('publishes their own post, and edits it', async () => {
    const created = await request('/admin/posts', {
      cookie: cookies.author,
      form: form({ title: 'An author post', status: 'published' }),
    })
    expect(created.status).toBe(303)
    expect((await request('/posts/an-author-post')).status).toBe(200)
    const post = await postBySlug('an-author-post')
    const edited = await request(`/admin/posts/${post.id}`, {
      cookie: cookies.author,
      form: form({ title: 'An author post', status: 'published', markdown: 'More', version: '1' }),
    })
    expect(edited.status).toBe(303)
    expect((await postBySlug('an-author-post')).markdown).toBe('More')
  })

  it('cannot edit, trash or even open an editor’s post', async () => {
    const before = (await db.select().from(posts).where(eq(posts.id, editorsPost)))[0]
    const attempts = [
      request(`/admin/posts/${editorsPost}`, {
        cookie: cookies.author,
        form: form({ title: 'Defaced', status: 'published', version: '1' }),
      }),
      request(`/admin/posts/${editorsPost}/delete`, { cookie: cookies.author, form: {} }),
      request(`/admin/posts/${editorsPost}`, { cookie: cookies.author }),
    ]
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403)
    const after = (await db.select().from(posts).where(eq(posts.id, editorsPost)))[0]
    expect(after).toEqual(before)
  })

  it('lists only their own posts', async () => {
    const html = await (await request('/admin/posts', { cookie: cookies.author })).text()
    expect(html).toContain('An author post')
    expect(html).not.toContain('Post the-editors-post')
    const editors = await (await request('/admin/posts', { cookie: cookies.editor })).text()
    expect(editors).toContain('Post the-editors-post')
  })

  it('signs only with their own author profile', async () => {
    const refused = await request('/admin/posts', {
      cookie: cookies.author,
      form: postFields(ids.otherAuthor.id, { title: 'Under a false name', status: 'published' }),
    })
    expect(refused.status).toBe(403)
    expect(await postBySlug('under-a-false-name')).toBeUndefined()
    const page = await (await request('/admin/posts/new', { cookie: cookies.author })).text()
    expect(page).not.toContain('James Hart')
  })

  it('without a profile of their own, signs as no one: told so on the form, refused on save', async () => {
    // Their profile went to someone else on /admin/authors.
    const { id } = await createEditor('unlinked@blog.example', 'author')
    await db.update(users).set({ authorId: null }).where(eq(users.id, id))
    const unlinked = await logIn('unlinked@blog.example')
    const page = await (await request('/admin/posts/new', { cookie: unlinked })).text()
    const byline = /<select name="authorId"[^>]*>([\s\S]*?)<\/select>/.exec(page)![1]
    expect(byline).not.toContain('<option')
    expect(page).toContain('Your account has no author profile to sign with yet')
    for (const authorId of [ids.author.id, ids.otherAuthor.id]) {
      const refused = await request('/admin/posts', {
        cookie: unlinked,
        form: postFields(authorId, { title: `Signed as ${authorId}`, status: 'published' }),
      })
      expect(refused.status).toBe(403)
      expect(await postBySlug(`signed-as-${authorId}`)).toBeUndefined()
    }
  })

  it('deletes an image they uploaded, not someone else’s', async () => {
    const [own, others] = await Promise.all([
      insertImageRow(userIds.author, 'a'.repeat(64)),
      insertImageRow(userIds.editor, 'b'.repeat(64)),
    ])
    const refused = await request(`/admin/media/${others.id}/delete`, {
      cookie: cookies.author,
      form: {},
    })
    expect(refused.status).toBe(403)
    const deleted = await request(`/admin/media/${own.id}/delete`, {
      cookie: cookies.author,
      form: {},
    })
    expect(deleted.status).toBe(303)
    const left = await db.select({ id: media.id }).from(media)
    expect(left.map((row) => row.id)).toEqual([others.id])
  })
})

describe('roles on /admin/users', () => {
  it('offers Author and Contributor in the invitation form', async () => {
    const html = await (await request('/admin/users', { cookie: cookies.owner })).text()
    const invite = html.slice(html.indexOf('action="/admin/users/invitations"'))
    expect(invite).toContain('<option value="author">Author</option>')
    expect(invite).toContain('<option value="contributor">Contributor</option>')
  })

  it('names them in French when the site speaks French', async () => {
    const { env } = await import('cloudflare:workers')
    const { app } = await import('../../../src/index')
    const response = await app.request(
      'https://blog.example/admin/users',
      { headers: { Cookie: cookies.owner } },
      { ...env, SITE_LOCALE: 'fr' },
    )
    const html = await response.text()
    const invite = html.slice(html.indexOf('action="/admin/users/invitations"'))
    expect(invite).toContain('<option value="author">Auteur</option>')
    expect(invite).toContain('<option value="contributor">Contributeur</option>')
  })

  it('changes a role, audited, and the account is held to it at once', async () => {
    const writer = await createEditor('writer@blog.example', 'editor')
    const writerCookie = await logIn('writer@blog.example')
    expect((await request('/admin/review', { cookie: writerCookie })).status).toBe(200)
    const changed = await request(`/admin/users/${writer.id}/role`, {
      cookie: cookies.owner,
      form: { role: 'contributor' },
    })
    expect(changed.status).toBe(303)
    expect((await db.select().from(users).where(eq(users.id, writer.id)))[0].role).toBe(
      'contributor',
    )
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'role_changed'), eq(auditLog.userId, writer.id)))
    expect(entry).toMatchObject({
      email: 'writer@blog.example',
      actorId: userIds.owner,
      detail: 'editor → contributor',
    })
    expect((await request('/admin/review', { cookie: writerCookie })).status).toBe(403)
    const audit = await (await request('/admin/audit', { cookie: cookies.owner })).text()
    expect(audit).toContain('Role changed')
  })

  it('refuses a role that does not exist, and the owner changing their own', async () => {
    const other = await createEditor('other@blog.example', 'author')
    const unknown = await request(`/admin/users/${other.id}/role`, {
      cookie: cookies.owner,
      form: { role: 'admin' },
    })
    expect(unknown.status).toBe(422)
    const own = await request(`/admin/users/${userIds.owner}/role`, {
      cookie: cookies.owner,
      form: { role: 'contributor' },
    })
    expect(own.status).toBe(404)
    expect((await db.select().from(users).where(eq(users.id, userIds.owner)))[0].role).toBe('owner')
  })
})
