import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { postRevisions, posts } from '../../../src/db/schema'
import { createPost } from '../../../src/features/posts/writes'
import { createAuthorAndCategories, db, postInput } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

let authorId: number
let cookie: string

beforeAll(async () => {
  authorId = (await createAuthorAndCategories()).author.id
  await createEditor('unchanged@blog.example', 'owner')
  cookie = await logIn('unchanged@blog.example')
})

const form = (id: number, version: number, overrides: Record<string, string> = {}) => ({
  title: `Post revisions-${id}`,
  slug: `revisions-${id}`,
  excerpt: 'Un extrait',
  markdown: '## « Titre »\n\nDu *pain*\u00a0!',
  language: 'fr',
  authorId: String(authorId),
  status: 'published',
  publishDate: '2026-01-10',
  publishTime: '09:00',
  timeZone: 'Europe/Paris',
  version: String(version),
  ...overrides,
})

const revisionsOf = (id: number) =>
  db.select().from(postRevisions).where(eq(postRevisions.postId, id))

describe('saving a post', () => {
  it('adds no revision when title, excerpt and Markdown are as stored', async () => {
    const id = await createPost(db, postInput({ slug: 'tmp', authorId }))
    const first = await request(`/admin/posts/${id}`, { cookie, form: form(id, 1) })
    expect(first.status).toBe(303)
    expect(await revisionsOf(id)).toHaveLength(2)

    const again = await request(`/admin/posts/${id}`, { cookie, form: form(id, 2) })
    expect(again.status).toBe(303)
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.markdown).toBe('## « Titre »\n\nDu *pain*\u00a0!')
    expect(await revisionsOf(id)).toHaveLength(2)

    // A change to what a revision holds still records one.
    const edited = await request(`/admin/posts/${id}`, {
      cookie,
      form: form(id, 3, { markdown: 'Autre texte.' }),
    })
    expect(edited.status).toBe(303)
    expect(await revisionsOf(id)).toHaveLength(3)
  })
})
