import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { existingIds } from '../../src/features/posts/admin-queries'
import { titlesForPaths } from '../../src/features/audience/page-titles'
import { viewsByPath } from '../../src/features/audience/queries'
import { flushAudience, senderFor } from '../../src/features/audience/shards'
import { createCategory } from '../../src/features/categories/queries'
import { chunk, rowsPerStatement } from '../../src/db/d1-limits'
import { createPost, updatePost } from '../../src/features/posts/writes'
import { postsCategories } from '../../src/db/schema'
import { createAuthorAndCategories, db, postInput } from '../fixtures'

let authorId: number
const categoryIds: number[] = []

beforeAll(async () => {
  authorId = (await createAuthorAndCategories()).author.id
  for (let n = 0; n < 60; n++)
    categoryIds.push(
      (await createCategory(db, { slug: `rubrique-${n}`, name: `Rubrique ${n}` })).id,
    )
})

describe('D1’s 100 bound parameters per statement', () => {
  it('is more than one statement can take in a single IN list or insert, so the helpers split', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunk([], 3)).toEqual([])
    expect(rowsPerStatement(4)).toBe(25)
    expect(rowsPerStatement(3, 4)).toBe(32)
    expect(() => chunk([1], 0)).toThrow(RangeError)
  })

  it('creates and updates a post linked to 60 categories and a new one', async () => {
    const input = postInput({
      slug: 'soixante-rubriques',
      authorId,
      categoryIds,
      newCategory: { slug: 'la-nouvelle', name: 'La nouvelle' },
    })
    const id = await createPost(db, input)
    const links = await db.select().from(postsCategories).where(eq(postsCategories.postId, id))
    expect(links).toHaveLength(61)
    expect(links.find((link) => link.sortOrder === 59)?.categoryId).toBe(categoryIds[59])

    const saved = await updatePost(db, id, 1, { ...input, categoryIds: categoryIds.slice(5) }, null)
    expect(saved).toEqual({ saved: true, version: 2 })
    const after = await db.select().from(postsCategories).where(eq(postsCategories.postId, id))
    expect(after).toHaveLength(56)
  })

  it('looks up 250 ids, slugs and paths without "too many SQL variables"', async () => {
    const manyIds = [...categoryIds, ...Array.from({ length: 190 }, (_, n) => 10_000 + n)]
    expect((await existingIds(db, 'categories', manyIds)).size).toBe(60)
    const slugs = Array.from({ length: 250 }, (_, n) => `absent-${n}`).concat('soixante-rubriques')
    const paths = slugs.map((slug) => `/posts/${slug}`)
    expect((await titlesForPaths(db, paths)).get('/posts/soixante-rubriques')).toBe(
      'Post soixante-rubriques',
    )
    expect((await viewsByPath(db, paths, '2020-01-01')).size).toBe(0)
  })

  it('writes 60 counter rows at once from a shard, in one statement of JSON rows', async () => {
    const paths = Array.from({ length: 60 }, (_, n) => `/posts/compte-${n}`)
    await senderFor(env).record({
      day: '2026-01-02',
      visitorHash: 'feedc0de00000001',
      counts: paths.map((key) => ({ metric: 'page' as const, key })),
    })
    await flushAudience(env)
    const views = await viewsByPath(db, paths, '2026-01-01')
    expect(views.size).toBe(60)
    expect([...views.values()].every((count) => count === 1)).toBe(true)
  })
})
