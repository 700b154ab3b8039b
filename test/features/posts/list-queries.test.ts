import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  feedPageIdsQuery,
  listFeedPage,
  PAGE_SIZE,
  type FeedFilter,
  type FeedWindow,
} from '../../../src/features/posts/list-queries'
import { createPost } from '../../../src/features/posts/writes'
import type { FeedCursor } from '../../../src/lib/cursor'
import {
  BASE_TIME,
  createAuthorAndCategories,
  createPublishedPosts,
  db,
  HOUR,
  postInput,
} from '../../fixtures'

const POST_COUNT = 37
const NOW = BASE_TIME + 1000 * HOUR
let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

async function walkFeed(filter: FeedFilter) {
  const pages: string[][] = []
  let window: FeedWindow = {}
  for (;;) {
    const page = await listFeedPage(db, filter, window, NOW)
    pages.push(page.posts.map((post) => post.slug))
    if (!page.nextCursor) return pages
    window = { after: page.nextCursor }
  }
}

const expectedSlugs = Array.from({ length: POST_COUNT }, (_, i) => `post-${POST_COUNT - i}`)

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createPublishedPosts(POST_COUNT, ids.author.id, [ids.essays.id])
  await createPost(
    db,
    postInput({
      slug: 'a-draft',
      authorId: ids.author.id,
      status: 'draft',
      categoryIds: [ids.essays.id],
    }),
  )
  await createPost(
    db,
    postInput({
      slug: 'scheduled-later',
      authorId: ids.author.id,
      status: 'scheduled',
      publishedAt: new Date(NOW + HOUR),
      categoryIds: [ids.essays.id],
    }),
  )
  await createPost(
    db,
    postInput({
      slug: 'scheduled-past',
      authorId: ids.otherAuthor.id,
      status: 'scheduled',
      publishedAt: new Date(NOW - HOUR),
      categoryIds: [ids.notes.id],
    }),
  )
})

describe('the feed', () => {
  it('lists the newest published posts first, ten to a page', async () => {
    const page = await listFeedPage(db, { kind: 'all' }, {}, NOW)
    expect(page.posts).toHaveLength(PAGE_SIZE)
    expect(page.posts.map((p) => p.slug)).toEqual(['scheduled-past', ...expectedSlugs.slice(0, 9)])
    expect(page.posts[1].author.name).toBe('Claire Dubois')
    expect(page.posts[1].categories).toEqual([{ slug: 'essais', name: 'Essais' }])
  })

  it('walks every page by cursor with no gap and no duplicate, ties included', async () => {
    const pages = await walkFeed({ kind: 'category', categoryId: ids.essays.id })
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 7])
    expect(pages.flat()).toEqual(expectedSlugs)
  })

  it('walks the author feed the same way', async () => {
    const pages = await walkFeed({ kind: 'author', authorId: ids.author.id })
    expect(pages.flat()).toEqual(expectedSlugs)
  })

  it('never shows drafts or posts scheduled for later, and shows a scheduled post once due', async () => {
    const all = (await walkFeed({ kind: 'all' })).flat()
    expect(all).toHaveLength(POST_COUNT + 1)
    expect(all).not.toContain('a-draft')
    expect(all).not.toContain('scheduled-later')
    expect(all).toContain('scheduled-past')
    const later = (
      await walkFeed({ kind: 'all' }).then(() =>
        listFeedPage(db, { kind: 'all' }, {}, NOW + 2 * HOUR),
      )
    ).posts
    expect(later[0].slug).toBe('scheduled-later')
  })

  it('rebuilds everything down to a cursor, for the Back button', async () => {
    const first = await listFeedPage(db, { kind: 'all' }, {}, NOW)
    const second = await listFeedPage(db, { kind: 'all' }, { after: first.nextCursor! }, NOW)
    const last = second.posts.at(-1)!
    const through: FeedCursor = { publishedAt: last.publishedAt.getTime(), id: last.id }
    const restored = await listFeedPage(db, { kind: 'all' }, { through }, NOW)
    expect(restored.posts.map((p) => p.slug)).toEqual(
      [...first.posts, ...second.posts].map((p) => p.slug),
    )
    expect(restored.nextCursor).toEqual(second.nextCursor)
  })

  it.each([
    ['home', (): FeedFilter => ({ kind: 'all' })],
    ['category', (): FeedFilter => ({ kind: 'category', categoryId: ids.essays.id })],
    ['author', (): FeedFilter => ({ kind: 'author', authorId: ids.author.id })],
  ])('reads at most page size + 1 rows per %s page, at any depth', async (_, filter) => {
    let window: FeedWindow = {}
    let depth = 0
    for (;;) {
      const { sql, params } = feedPageIdsQuery(db, filter(), window, NOW, PAGE_SIZE + 1).toSQL()
      const result = await env.DB.prepare(sql)
        .bind(...params)
        .all()
      expect(result.meta.rows_read).toBeLessThanOrEqual(PAGE_SIZE + 1)
      const page = await listFeedPage(db, filter(), window, NOW)
      if (!page.nextCursor) break
      window = { after: page.nextCursor }
      depth++
    }
    expect(depth).toBeGreaterThanOrEqual(3)
  })
})
