import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/index'
import { createPost, updatePost } from '../../src/features/posts/writes'
import { postRevisions, posts, postsCategories } from '../../src/db/schema'
import { createEditor, logIn, ORIGIN } from '../admin-helpers'
import { createAuthorAndCategories, createPublishedPosts, db, postInput } from '../fixtures'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createPublishedPosts(3, ids.author.id)
  await createEditor('panne@blog.example', 'owner')
})

/**
 * The real D1 binding, except that `failing` methods throw as D1 does when it is unreachable; the
 * sessions it opens (read replication) fail the same way.
 */
function failingD1<T extends object>(failing: string[], target: T = env.DB as T): T {
  return new Proxy(target, {
    get(target, property) {
      if (typeof property === 'string' && failing.includes(property))
        return () => {
          throw new Error('D1_ERROR: Network connection lost.')
        }
      const value: unknown = Reflect.get(target, property)
      if (property === 'withSession' && typeof value === 'function')
        return (...args: unknown[]) => failingD1(failing, value.apply(target, args) as object)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

const requestWith = (DB: D1Database, path: string, init: RequestInit = {}) =>
  app.request(`${ORIGIN}${path}`, init, { ...env, DB })

describe('when D1 fails', () => {
  it.each(['/', '/posts/post-1', '/categories/essais', '/authors/claire-dubois'])(
    'gives readers of %s a friendly 503 with Retry-After',
    async (path) => {
      const response = await requestWith(failingD1(['prepare', 'batch', 'exec']), path)
      expect(response.status).toBe(503)
      expect(response.headers.get('Retry-After')).toBe('30')
      const html = await response.text()
      expect(html).toContain('Back in a moment')
      expect(html).not.toContain('D1_ERROR')
    },
  )

  it('gives an editor the form back, as typed, with "not saved, try again", and writes nothing', async () => {
    const cookie = await logIn('panne@blog.example')
    const typed = 'Un texte « précieux » qui ne doit pas se perdre.'
    const response = await requestWith(failingD1(['batch']), '/admin/posts', {
      method: 'POST',
      headers: {
        Cookie: cookie,
        Origin: ORIGIN,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        title: 'Pendant la panne',
        markdown: typed,
        language: 'fr',
        authorId: String(ids.author.id),
        status: 'published',
        timeZone: 'Europe/Paris',
        categoryIds: String(ids.essays.id),
      }),
    })
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('30')
    const html = await response.text()
    expect(html).toContain('Not saved: the database did not answer.')
    expect(html).toContain(`${typed}</textarea>`)
    expect(html).toContain('value="Pendant la panne"')
    expect(await db.select().from(posts).where(eq(posts.slug, 'pendant-la-panne'))).toEqual([])
  })

  it('never leaves a half-written post: a save whose batch fails part-way writes nothing', async () => {
    const id = await createPost(
      db,
      postInput({ slug: 'atomique', authorId: ids.author.id, categoryIds: [ids.essays.id] }),
    )
    const broken = postInput({
      slug: 'atomique',
      authorId: ids.author.id,
      title: 'Réécrit',
      // No such category: the link insert, late in the batch, violates its foreign key.
      categoryIds: [ids.notes.id, 987_654],
    })
    await expect(updatePost(db, id, 1, broken, null)).rejects.toThrow()
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.title).toBe('Post atomique')
    expect(post.version).toBe(1)
    const links = await db.select().from(postsCategories).where(eq(postsCategories.postId, id))
    expect(links.map((link) => link.categoryId)).toEqual([ids.essays.id])
    expect(await db.select().from(postRevisions).where(eq(postRevisions.postId, id))).toHaveLength(
      1,
    )
  })
})
