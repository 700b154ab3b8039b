import { eq } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { postRevisions, posts, postsCategories } from '../../../src/db/schema'
import { createPost, updatePost } from '../../../src/features/posts/writes'
import { createAuthorAndCategories, db, postInput } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let cookie: string

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createEditor('versions@blog.example', 'owner')
})

beforeEach(async () => {
  cookie = await logIn('versions@blog.example')
})

/** The editor form's fields as served, read back from its HTML. */
async function formAsServed(id: number) {
  const html = await (await request(`/admin/posts/${id}`, { cookie })).text()
  const field = (name: string) =>
    new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? ''
  const checked = (name: string) =>
    [...html.matchAll(new RegExp(`<input[^>]*name="${name}"[^>]*>`, 'g'))]
      .filter((m) => m[0].includes('checked'))
      .map((m) => /value="([^"]*)"/.exec(m[0])![1])
  return {
    html,
    form: {
      title: field('title'),
      slug: field('slug'),
      excerpt: /<textarea name="excerpt"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '',
      markdown: /<textarea id="markdown"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '',
      categoryIds: checked('categoryIds'),
      newCategory: '',
      language: /<option value="(\w+)" selected/.exec(html)![1],
      authorId: String(ids.author.id),
      status: checked('status')[0],
      publishDate: field('publishDate'),
      publishTime: field('publishTime'),
      timeZone: 'Europe/Paris',
      version: field('version'),
    },
  }
}

describe('a save carries the version it was loaded from', () => {
  it('renders the version in the form, as #post-version, and raises it on every save', async () => {
    const id = await createPost(db, postInput({ slug: 'versionne', authorId: ids.author.id }))
    const first = await formAsServed(id)
    expect(first.html).toContain(
      '<input type="hidden" name="version" id="post-version" value="1"/>',
    )
    const saved = await request(`/admin/posts/${id}`, {
      cookie,
      form: { ...first.form, title: 'Deuxième' },
    })
    expect(saved.status).toBe(303)
    const second = await formAsServed(id)
    expect(second.form.version).toBe('2')
    expect(second.html).toContain('id="post-version" value="2"')
  })

  it('refuses the second of two edits from the same version: 409, form kept, both versions shown', async () => {
    const id = await createPost(
      db,
      postInput({ slug: 'deux-onglets', authorId: ids.author.id, categoryIds: [ids.essays.id] }),
    )
    const tabA = (await formAsServed(id)).form
    const tabB = (await formAsServed(id)).form
    const first = await request(`/admin/posts/${id}`, {
      cookie,
      form: { ...tabA, markdown: 'Le texte de l’onglet A.' },
    })
    expect(first.status).toBe(303)

    const second = await request(`/admin/posts/${id}`, {
      cookie,
      form: { ...tabB, markdown: 'Le texte de l’onglet B.', categoryIds: [String(ids.notes.id)] },
    })
    expect(second.status).toBe(409)
    const html = await second.text()
    expect(html).toContain('Someone else saved this post after you opened it.')
    expect(html).toContain('Le texte de l’onglet B.</textarea>')
    expect(html).toContain('Le texte de l’onglet A.</textarea>')
    expect(html).toContain('The saved version is now 2; your form was loaded from version 1.')
    // The form now carries the stored version: saving again is a deliberate replacement.
    expect(html).toContain('id="post-version" value="2"')

    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.markdown).toBe('Le texte de l’onglet A.')
    expect(post.version).toBe(2)
    const links = await db.select().from(postsCategories).where(eq(postsCategories.postId, id))
    expect(links.map((link) => link.categoryId)).toEqual([ids.essays.id])
    const revisions = await db.select().from(postRevisions).where(eq(postRevisions.postId, id))
    expect(revisions).toHaveLength(2)
  })

  it('treats a save that names no version as stale', async () => {
    const id = await createPost(db, postInput({ slug: 'sans-version', authorId: ids.author.id }))
    const { form } = await formAsServed(id)
    const response = await request(`/admin/posts/${id}`, {
      cookie,
      form: { ...form, version: '', title: 'Écrasé ?' },
    })
    expect(response.status).toBe(409)
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.title).toBe('Post sans-version')
  })

  it('applies exactly one of many concurrent saves from the same version', async () => {
    const id = await createPost(db, postInput({ slug: 'course', authorId: ids.author.id }))
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        updatePost(
          db,
          id,
          1,
          postInput({
            slug: 'course',
            authorId: ids.author.id,
            title: `Essai ${n}`,
            categoryIds: [ids.essays.id, ids.notes.id],
          }),
          null,
        ),
      ),
    )
    expect(results.filter((result) => result.saved)).toEqual([{ saved: true, version: 2 }])
    const revisions = await db.select().from(postRevisions).where(eq(postRevisions.postId, id))
    expect(revisions).toHaveLength(2)
    const links = await db.select().from(postsCategories).where(eq(postsCategories.postId, id))
    expect(links).toHaveLength(2)
  })
})
