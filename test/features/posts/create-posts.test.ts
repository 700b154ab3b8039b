import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPost, createPostsStatements, type PostInput } from '../../../src/features/posts/writes'
import { JSON_BYTES, JSON_ROWS, jsonChunks, runStatements } from '../../../src/db/json-rows'
import { posts } from '../../../src/db/schema'
import { htmlToText } from '../../../src/lib/plain-text'
import { BASE_TIME, createAuthorAndCategories, db, HOUR, postInput } from '../../fixtures'
import { storeSample } from '../../media-helpers'
import * as samples from '../../media-samples'
import { writtenPosts } from '../../post-rows'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let photo: { id: number; key: string }
let banner: { id: number; key: string }

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  photo = await storeSample(samples.jpegWithGps)
  banner = await storeSample(samples.pngWithMetadata)
})

/** Posts that use every part of a new post: categories in order, a new category, images, notes. */
function varied(prefix: string): PostInput[] {
  const authorId = ids.author.id
  return [
    postInput({
      slug: `${prefix}illustre`,
      authorId,
      title: `Hôtel « idéal » ${prefix}`,
      html: `<p>Le petit-déjeuner <img src="/media/${photo.key}" alt="x"> lanterne</p>`,
      categoryIds: [ids.notes.id, ids.essays.id],
      featuredMediaId: banner.id,
      featuredImageAlt: 'Une bannière',
      language: 'fr',
    }),
    postInput({
      slug: `${prefix}brouillon`,
      authorId,
      status: 'draft',
      publishedAt: null,
      categoryIds: [ids.essays.id, ids.notes.id, ids.essays.id],
      newCategory: { slug: 'nouvelle-rubrique', name: 'Nouvelle rubrique' },
    }),
    postInput({
      slug: `${prefix}note`,
      authorId: ids.otherAuthor.id,
      status: 'scheduled',
      publishedAt: new Date(BASE_TIME + 48 * HOUR),
      kind: 'note',
      excerpt: 'Une citation lanterne.',
      sourceUrl: 'https://example.org/source',
      sourceSiteName: 'Exemple',
      sourcePublishedAt: '2024-01-01',
    }),
  ]
}

describe('creating many posts at once', () => {
  it('writes for each post what creating it alone writes', async () => {
    for (const input of varied('seul-')) await createPost(db, input)
    await runStatements(db, createPostsStatements(db, varied('lot-')))
    const alone = await writtenPosts('seul-')
    expect(alone.posts).toHaveLength(3)
    expect(alone.links.length).toBeGreaterThan(4)
    expect(alone.revisions).toHaveLength(3)
    expect(alone.images).toEqual([
      { slug: 'illustre', key: photo.key, role: 'body' },
      { slug: 'illustre', key: banner.key, role: 'featured' },
    ])
    expect(alone.search).toEqual(['illustre', 'note'])
    expect(await writtenPosts('lot-')).toEqual(alone)
  })

  it('writes the row Drizzle’s insert of the same post writes, defaults included', async () => {
    const input = postInput({ slug: 'par-drizzle', authorId: ids.author.id })
    const { categoryIds, newCategory, ...post } = input
    await db.insert(posts).values({ ...post, searchText: htmlToText(post.html) })
    await createPost(db, { ...input, slug: 'par-lot' })
    const [reference, created] = await Promise.all(
      ['par-drizzle', 'par-lot'].map(async (slug) => {
        const [{ id, feedOrderId, createdAt, updatedAt, ...row }] = await db
          .select()
          .from(posts)
          .where(eq(posts.slug, slug))
        return { ...row, slug: '' }
      }),
    )
    expect(created).toEqual(reference)
  })

  it('takes as many statements for 120 posts as for 2', () => {
    const inputs = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        postInput({ slug: `compte-${n}-${i}`, authorId: 1, categoryIds: [1, 2] }),
      )
    expect(createPostsStatements(db, inputs(120))).toHaveLength(
      createPostsStatements(db, inputs(2)).length,
    )
  })

  it('sends rows in JSON of bounded size, a larger row alone', () => {
    const big = 'é'.repeat(JSON_BYTES / 5)
    const chunks = jsonChunks([{ big }, { big }, { big }, { small: 1 }])
    expect(chunks).toHaveLength(2)
    for (const json of chunks)
      expect(new TextEncoder().encode(json).byteLength).toBeLessThan(JSON_BYTES)
    expect(jsonChunks(Array.from({ length: JSON_ROWS + 1 }, () => 1))).toEqual([
      `[${Array(JSON_ROWS).fill(1).join(',')}]`,
      '[1]',
    ])
    const huge = { html: 'x'.repeat(JSON_BYTES) }
    expect(jsonChunks([{ a: 1 }, huge, { b: 2 }]).map((json) => JSON.parse(json).length)).toEqual([
      1, 1, 1,
    ])
  })
})
