import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { dailySeries, topKeys } from '../../../src/features/audience/queries'
import { readContentState } from '../../../src/features/page-cache/content-version'
import {
  listFeedPage,
  PAGE_SIZE,
  type FeedFilter,
  type FeedWindow,
} from '../../../src/features/posts/list-queries'
import { createPost } from '../../../src/features/posts/writes'
import { findPublishedPost } from '../../../src/features/posts/queries'
import { audienceDailyCounts } from '../../../src/db/schema'
import {
  BASE_TIME,
  createAuthorAndCategories,
  createPublishedPosts,
  db,
  HOUR,
  postInput,
} from '../../fixtures'
import { meteredDb } from '../../support/rows-read'

const POST_COUNT = 90
const NOW = BASE_TIME + 1000 * HOUR
/**
 * Reads allowed for one post page (post, author, categories, two neighbours, and its comments:
 * the post's comment index range and the comment settings' row), at any depth.
 */
const POST_PAGE_READS = 23
/** Reads allowed for one page of a list (ids, posts, authors, category links): the same at any depth. */
const LIST_PAGE_READS = 16 * PAGE_SIZE

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createPublishedPosts(POST_COUNT, ids.author.id, [ids.essays.id, ids.notes.id])
  for (let n = 1; n <= 5; n++) {
    await createPost(
      db,
      postInput({
        slug: `later-${n}`,
        authorId: ids.author.id,
        status: 'scheduled',
        publishedAt: new Date(NOW + n * HOUR),
        categoryIds: [ids.essays.id],
      }),
    )
  }
})

describe('rows read by reader queries do not grow with the number of posts', () => {
  it.each([
    ['newest', POST_COUNT, `post-${POST_COUNT - 1}`, null],
    ['middle', POST_COUNT / 2, `post-${POST_COUNT / 2 - 1}`, `post-${POST_COUNT / 2 + 1}`],
    ['oldest', 1, null, 'post-2'],
  ])('the %s post page, with its neighbours, in one round trip', async (_, n, older, newer) => {
    const { db: metered, totals } = meteredDb()
    const post = await findPublishedPost(metered, `post-${n}`, NOW)
    expect(post?.slug).toBe(`post-${n}`)
    expect(post?.older?.slug ?? null).toBe(older)
    expect(post?.newer?.slug ?? null).toBe(newer)
    expect(post?.categories.map((c) => c.slug)).toEqual(['essais', 'notes'])
    expect(totals.unmetered).toBe(0)
    expect(totals.rowsRead).toBeLessThanOrEqual(POST_PAGE_READS)
  })

  it('hides a scheduled post and its place in the feed until it is due', async () => {
    const { db: metered, totals } = meteredDb()
    expect(await findPublishedPost(metered, 'later-1', NOW)).toBeNull()
    const newest = await findPublishedPost(metered, `post-${POST_COUNT}`, NOW)
    expect(newest?.newer).toBeNull()
    const due = await findPublishedPost(metered, `post-${POST_COUNT}`, NOW + HOUR)
    expect(due?.newer?.slug).toBe('later-1')
    expect(totals.rowsRead).toBeLessThanOrEqual(3 * POST_PAGE_READS)
  })

  it.each([
    ['home', (): FeedFilter => ({ kind: 'all' })],
    ['category', (): FeedFilter => ({ kind: 'category', categoryId: ids.essays.id })],
    ['author', (): FeedFilter => ({ kind: 'author', authorId: ids.author.id })],
  ])('every %s list page, to the last one', async (_, filter) => {
    const reads: number[] = []
    let window: FeedWindow = {}
    for (;;) {
      const { db: metered, totals } = meteredDb()
      const page = await listFeedPage(metered, filter(), window, NOW)
      expect(totals.unmetered).toBe(0)
      reads.push(totals.rowsRead)
      if (!page.nextCursor) break
      window = { after: page.nextCursor }
    }
    expect(reads.length).toBe(POST_COUNT / 10)
    expect(Math.max(...reads)).toBeLessThanOrEqual(LIST_PAGE_READS)
    expect(Math.max(...reads)).toBeLessThanOrEqual(reads[0])
  })

  it('the content-state probe of the page cache', async () => {
    const { db: metered, totals } = meteredDb()
    expect(await readContentState(metered, NOW)).toEqual({
      version: expect.any(Number),
      nextPublicationAt: NOW + HOUR,
      redirectNames: [],
    })
    // Two index seeks, and one for the list of redirect names (empty here: D1 counts the aggregate).
    expect(totals.rowsRead).toBeLessThanOrEqual(3)
  })
})

describe('the audience dashboard reads only the metric it shows', () => {
  const DAYS = Array.from({ length: 30 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`)
  const KEYS = { page: 20, referrer: 6, country: 5, device: 3, bot: 1, visitors: 1 }

  beforeAll(async () => {
    const rows = DAYS.flatMap((day) =>
      Object.entries(KEYS).flatMap(([metric, keys]) =>
        Array.from({ length: keys }, (_, k) => ({
          day,
          metric,
          key: `${metric}-${k}`,
          count: k + 1,
        })),
      ),
    )
    for (let i = 0; i < rows.length; i += 20)
      await db.insert(audienceDailyCounts).values(rows.slice(i, i + 20))
  })

  it('top countries over a week read one week of countries', async () => {
    const { sql, params } = topKeys(db, 'country', '2026-10-10', '2026-10-16').toSQL()
    const result = await env.DB.prepare(sql)
      .bind(...params)
      .all()
    expect(result.results).toHaveLength(KEYS.country)
    // D1 counts the rows once when scanned and once more when grouped; a scan of every metric's
    // rows for the week (the primary key's order) would read 7 × 36.
    expect(result.meta.rows_read).toBeLessThanOrEqual(2 * 7 * KEYS.country + 2 * KEYS.country)
  })

  it('the daily series reads pages and visitors only', async () => {
    const { db: metered, totals } = meteredDb()
    const series = await dailySeries(metered, '2026-10-01', '2026-10-07')
    expect(series.get('2026-10-03')?.views).toBe(((1 + KEYS.page) * KEYS.page) / 2)
    // Each day's page and visitor rows, plus a group per day and metric.
    expect(totals.rowsRead).toBeLessThanOrEqual(7 * (KEYS.page + KEYS.visitors) + 2 * 7 + 2)
  })
})
