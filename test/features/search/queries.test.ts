import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPost, restorePostFromTrash, trashPost } from '../../../src/features/posts/writes'
import { SEARCH_CANDIDATES, SEARCH_LIMIT, searchPosts, searchStatement } from '../../../src/features/search/queries'
import { toFtsQuery } from '../../../src/features/search/search-query'
import {
  BASE_TIME,
  createAuthorAndCategories,
  db,
  HOUR,
  postInput,
  updatePostAsLoaded,
} from '../../fixtures'

const NOW = Date.now()
const FILLER_POSTS = 500
let authorId: number

async function slugsFor(query: string, now = NOW) {
  const fts = toFtsQuery(query)
  if (!fts) return []
  return (await searchPosts(db, fts, now)).posts.map((post) => post.slug)
}

beforeAll(async () => {
  authorId = (await createAuthorAndCategories()).author.id
  const statements = Array.from({ length: FILLER_POSTS }, (_, n) =>
    env.DB.prepare(
      `INSERT INTO posts (slug, title, excerpt, markdown, html, search_text, status, published_at, author_id)
       VALUES (?, ?, ?, '', '', ?, 'published', ?, ?)`,
    ).bind(
      `filler-${n}`,
      `Filler ${n}`,
      `Routine notes number ${n}`,
      `Ordinary text about service, rooms and breakfast, number ${n}.`,
      BASE_TIME + n * HOUR,
      authorId,
    ),
  )
  await env.DB.batch(statements)
  await createPost(
    db,
    postInput({
      slug: 'les-cles',
      title: 'Les clés de l’hôtel',
      excerpt: 'Ce que la clé dit de l’accueil.',
      html: '<p>Un <strong>hôtel</strong> à Paris, où l’on remet les clés en main propre.</p>',
      language: 'fr',
      authorId,
    }),
  )
  await createPost(
    db,
    postInput({
      slug: 'jardin-in-title',
      title: 'The garden',
      html: '<p>A short walk.</p>',
      authorId,
    }),
  )
  await createPost(
    db,
    postInput({
      slug: 'garden-in-body',
      title: 'Notes from the lobby',
      html: '<p>garden garden garden, the garden again and a garden view.</p>',
      authorId,
    }),
  )
})

describe('full-text search', () => {
  it('folds accents and case: clés, cles and CLES find the same posts, hotel finds hôtel', async () => {
    const found = await slugsFor('clés')
    expect(found).toEqual(['les-cles'])
    expect(await slugsFor('cles')).toEqual(found)
    expect(await slugsFor('CLES')).toEqual(found)
    expect(await slugsFor('hotel')).toEqual(['les-cles'])
    expect(await slugsFor('HÔTEL paris')).toEqual(['les-cles'])
  })

  it('matches prefixes while the reader types', async () => {
    expect(await slugsFor('hôt')).toEqual(['les-cles'])
    expect(await slugsFor('gard')).toContain('garden-in-body')
  })

  it('ranks a title match above a body full of the word', async () => {
    expect(await slugsFor('garden')).toEqual(['jardin-in-title', 'garden-in-body'])
  })

  it('marks the matches in the title and quotes the body around them', async () => {
    const { posts } = await searchPosts(db, toFtsQuery('hotel')!, NOW)
    expect(posts[0].titleMarked).toBe('Les clés de l’\u0002hôtel\u0003')
    expect(posts[0].bodySnippet).toContain('Un \u0002hôtel\u0003 à Paris')
  })

  it('keeps the index in step with every write: edit, unpublish, trash, restore', async () => {
    const id = await createPost(db, postInput({ slug: 'moving', title: 'Alpha lantern', authorId }))
    expect(await slugsFor('lantern')).toEqual(['moving'])
    await updatePostAsLoaded(
      db,
      id,
      postInput({ slug: 'moving', title: 'Beta candle', authorId }),
      null,
    )
    expect(await slugsFor('lantern')).toEqual([])
    expect(await slugsFor('candle')).toEqual(['moving'])
    await trashPost(db, id)
    expect(await slugsFor('candle')).toEqual([])
    await restorePostFromTrash(db, id)
    expect(await slugsFor('candle')).toEqual(['moving'])
    await updatePostAsLoaded(
      db,
      id,
      postInput({ slug: 'moving', title: 'Beta candle', authorId, status: 'draft' }),
      null,
    )
    expect(await slugsFor('candle')).toEqual([])
    const rows = await env.DB.prepare(
      "SELECT count(*) AS n FROM posts_search WHERE posts_search MATCH 'candle'",
    ).first<{ n: number }>()
    expect(rows?.n).toBe(0)
  })

  it('finds only listed posts: never drafts, and scheduled ones once their time has come', async () => {
    await createPost(
      db,
      postInput({ slug: 'draft-zeppelin', title: 'Zeppelin', authorId, status: 'draft' }),
    )
    await createPost(
      db,
      postInput({
        slug: 'soon-zeppelin',
        title: 'Zeppelin soon',
        authorId,
        status: 'scheduled',
        publishedAt: new Date(NOW + HOUR),
      }),
    )
    expect(await slugsFor('zeppelin')).toEqual([])
    expect(await slugsFor('zeppelin', NOW + 2 * HOUR)).toEqual(['soon-zeppelin'])
  })

  it('turns any input into a query that cannot fail', async () => {
    const hostile = ['"', '*', 'NEAR(', '-', ':', 'a"b', '"unbalanced', 'title:x', 'x OR', '^', '']
    for (const input of hostile) await expect(slugsFor(input)).resolves.toBeInstanceOf(Array)
    expect(toFtsQuery('NEAR(hotel, cles)')).toBe('"NEAR"* "hotel"* "cles"*')
    expect(toFtsQuery('x'.repeat(1000))!.length).toBeLessThan(50)
    expect(toFtsQuery(' -:*" ')).toBeNull()
  })

  it('reads a bounded number of rows over 500+ posts', async () => {
    const measure = async (query: string) => {
      const { sql, params } = searchStatement(toFtsQuery(query)!, NOW)
      const result = await env.DB.prepare(sql)
        .bind(...params)
        .all()
      return { rows: result.results.length, read: result.meta.rows_read }
    }
    const rare = await measure('clés')
    const common = await measure('breakfast')
    console.log('search rows_read: rare term', rare, 'term in every post', common)
    expect(rare.rows).toBe(1)
    expect(rare.read).toBeLessThanOrEqual(20)
    expect(common.rows).toBe(21)
    // Candidates from the index, their posts rows, the title check; then three reads per result.
    expect(common.read).toBeLessThanOrEqual(3 * SEARCH_CANDIDATES + 3 * (SEARCH_LIMIT + 1))
    expect(common.read).toBeLessThan(FILLER_POSTS)
  })
})
