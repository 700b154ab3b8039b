import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPost } from '../../../src/features/posts/writes'
import { addRedirect, addRedirects, findRedirect, findRedirectQuery } from '../../../src/features/redirects/queries'
import {
  BASE_TIME,
  createAuthorAndCategories,
  db,
  HOUR,
  postInput,
  updatePostAsLoaded,
} from '../../fixtures'

let authorId: number

beforeAll(async () => {
  authorId = (await createAuthorAndCategories()).author.id
})

describe('redirects', () => {
  it('collapses chains to one hop and drops a redirect from an address that is live again', async () => {
    await addRedirect(db, '/a', '/b')
    await addRedirect(db, '/b', '/c')
    expect(await findRedirect(db, '/a')).toBe('/c')
    expect(await findRedirect(db, '/b')).toBe('/c')
    await addRedirect(db, '/c', '/a')
    expect(await findRedirect(db, '/a')).toBeNull()
    expect(await findRedirect(db, '/b')).toBe('/a')
    expect(await findRedirect(db, '/c')).toBe('/a')
  })

  it('keeps imported links with their query string, in bounded batches', async () => {
    const pairs = Array.from({ length: 120 }, (_, i) => ({
      fromPath: `/?p=${i}`,
      toPath: `/posts/imported-${i}`,
    }))
    await addRedirects(db, pairs)
    expect(await findRedirect(db, '/?p=7')).toBe('/posts/imported-7')
    expect(await findRedirect(db, '/?p=119')).toBe('/posts/imported-119')
  })

  it('finds a redirect by primary key, reading a row or two whatever the table holds', async () => {
    await addRedirect(db, '/old-page', '/posts/new-page')
    const { sql, params } = findRedirectQuery(db, ['/nope', '/old-page']).toSQL()
    const result = await env.DB.prepare(sql)
      .bind(...params)
      .all()
    expect(result.results).toEqual([{ to_path: '/posts/new-page' }])
    expect(result.meta.rows_read).toBeLessThanOrEqual(3)
  })

  it('redirects the old address of a published post whose slug changes, and only then', async () => {
    const id = await createPost(db, postInput({ slug: 'first-name', authorId }))
    await updatePostAsLoaded(db, id, postInput({ slug: 'second-name', authorId }), null)
    await updatePostAsLoaded(db, id, postInput({ slug: 'third-name', authorId }), null)
    expect(await findRedirect(db, '/posts/first-name')).toBe('/posts/third-name')
    expect(await findRedirect(db, '/posts/second-name')).toBe('/posts/third-name')
    // Back to a former name: that address is live again, and nothing loops.
    await updatePostAsLoaded(db, id, postInput({ slug: 'first-name', authorId }), null)
    expect(await findRedirect(db, '/posts/first-name')).toBeNull()
    expect(await findRedirect(db, '/posts/third-name')).toBe('/posts/first-name')

    const draft = await createPost(db, postInput({ slug: 'draft-a', authorId, status: 'draft' }))
    await updatePostAsLoaded(
      db,
      draft,
      postInput({ slug: 'draft-b', authorId, status: 'draft' }),
      null,
    )
    const later = new Date(Date.now() + 24 * HOUR)
    const scheduled = await createPost(
      db,
      postInput({ slug: 'soon-a', authorId, status: 'scheduled', publishedAt: later }),
    )
    await updatePostAsLoaded(
      db,
      scheduled,
      postInput({ slug: 'soon-b', authorId, status: 'scheduled', publishedAt: later }),
      null,
    )
    expect(await findRedirect(db, '/posts/draft-a')).toBeNull()
    expect(await findRedirect(db, '/posts/soon-a')).toBeNull()
    expect(BASE_TIME).toBeLessThan(Date.now())
  })
})
