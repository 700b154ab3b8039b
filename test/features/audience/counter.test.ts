import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../../src/index'
import { audienceDailyCounts, audienceDailyVisitors, audienceSalts } from '../../../src/db/schema'
import { dayOf } from '../../../src/features/audience/visitor'
import { flushAudience } from '../../../src/features/audience/shards'
import { closePastDays, dailySeries } from '../../../src/features/audience/queries'
import { shardContents } from './shard-helpers'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1'
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

/** A request through the Worker, waiting for what it does after responding (the count). */
async function visit(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  country?: string,
) {
  const ctx = createExecutionContext()
  const request = new Request(`https://blog.example${path}`, {
    method,
    headers: { 'User-Agent': CHROME, 'CF-Connecting-IP': '192.0.2.1', ...headers },
    cf: country ? { country } : undefined,
  })
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx)
  const html = await response.text()
  await waitOnExecutionContext(ctx)
  return { response, html }
}

const today = () => dayOf(Date.now(), env.SITE_TIMEZONE)
const yesterday = () => dayOf(Date.now() - 86_400_000, env.SITE_TIMEZONE)

/** A figure for today as the dashboard will show it, once the shards have flushed. */
async function countOf(metric: string, key = '') {
  await flushAudience(env)
  const [row] = await db
    .select()
    .from(audienceDailyCounts)
    .where(
      and(
        eq(audienceDailyCounts.day, today()),
        eq(audienceDailyCounts.metric, metric),
        eq(audienceDailyCounts.key, key),
      ),
    )
  return row?.count ?? 0
}

const visitorsToday = () => countOf('visitors')

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  await createPublishedPosts(15, author.id)
})

describe('what counts as a page view', () => {
  it('counts a reader’s GET of a page, with device, and sets no cookie', async () => {
    const before = await countOf('page', '/posts/post-3')
    const { response } = await visit('/posts/post-3')
    expect(response.headers.get('Set-Cookie')).toBeNull()
    expect(await countOf('page', '/posts/post-3')).toBe(before + 1)
    expect(await countOf('device', 'desktop')).toBeGreaterThan(0)
    await visit('/posts/post-3', { 'User-Agent': IPHONE })
    expect(await countOf('device', 'mobile')).toBe(1)
  })

  it('counts a page under its canonical path however the address was percent-encoded', async () => {
    const before = await countOf('page', '/posts/post-8')
    for (const spelling of [
      '/posts/post-8',
      '/posts/post%2D8',
      '/posts/%70ost-8',
      '/posts/post%2d8',
    ]) {
      const { response } = await visit(spelling)
      expect(response.status).toBe(200)
    }
    expect(await countOf('page', '/posts/post-8')).toBe(before + 4)
    expect(await countOf('page', '/posts/post%2D8')).toBe(0)
  })

  it('counts a Load More apart, as “more loaded” for its list', async () => {
    const { html } = await visit('/')
    const pageViews = await countOf('page', '/')
    const next = /class="load-more" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&')
    await visit(next, { 'HX-Request': 'true' })
    expect(await countOf('more', '/')).toBe(1)
    expect(await countOf('page', '/')).toBe(pageViews)
  })

  it.each([
    ['a HEAD request', '/posts/post-4', {}, 'HEAD'],
    ['an admin page', '/admin', {}, 'GET'],
    ['a missing page', '/posts/nope', {}, 'GET'],
    ['a prefetch', '/posts/post-4', { 'Sec-Purpose': 'prefetch' }, 'GET'],
    ['a prerender', '/posts/post-4', { 'Sec-Purpose': 'prefetch;prerender' }, 'GET'],
    ['a legacy prefetch', '/posts/post-4', { Purpose: 'prefetch' }, 'GET'],
    ['Global Privacy Control', '/posts/post-4', { 'Sec-GPC': '1' }, 'GET'],
    ['Do Not Track', '/posts/post-4', { DNT: '1' }, 'GET'],
  ])('does not count %s', async (_, path, headers, method) => {
    const visitors = await visitorsToday()
    const pages = await db
      .select()
      .from(audienceDailyCounts)
      .where(eq(audienceDailyCounts.metric, 'page'))
    const bots = await countOf('bot')
    await visit(path, headers as Record<string, string>, method)
    expect(await visitorsToday()).toBe(visitors)
    expect(
      await db.select().from(audienceDailyCounts).where(eq(audienceDailyCounts.metric, 'page')),
    ).toEqual(pages)
    expect(await countOf('bot')).toBe(bots)
  })

  it('counts bots and empty User-Agents apart, never as readers', async () => {
    const pages = await countOf('page', '/posts/post-5')
    const visitors = await visitorsToday()
    const bots = await countOf('bot')
    await visit('/posts/post-5', { 'User-Agent': GOOGLEBOT })
    await visit('/posts/post-5', { 'User-Agent': '' })
    expect(await countOf('page', '/posts/post-5')).toBe(pages)
    expect(await visitorsToday()).toBe(visitors)
    expect(await countOf('bot')).toBe(bots + 2)
  })

  it('keeps the referring host or campaign, never the URL, and never this site', async () => {
    await visit('/posts/post-6', { Referer: 'https://www.news.example/articles/42?user=alice' })
    await visit('/posts/post-6?utm_source=Newsletter', { Referer: 'https://mail.example/inbox' })
    await visit('/posts/post-6?ref=mastodon')
    await visit('/posts/post-6', { Referer: 'https://blog.example/' })
    expect(await countOf('referrer', 'news.example')).toBe(1)
    expect(await countOf('referrer', 'newsletter')).toBe(1)
    expect(await countOf('referrer', 'mastodon')).toBe(1)
    expect(await countOf('referrer', 'blog.example')).toBe(0)
    const everything = JSON.stringify(await db.select().from(audienceDailyCounts))
    expect(everything).not.toContain('alice')
    expect(everything).not.toContain('/articles/42')
  })

  it('counts the country Cloudflare derives from the connection', async () => {
    await visit('/posts/post-6', {}, 'GET', 'FR')
    await visit('/posts/post-6', {}, 'GET', 'FR')
    await visit('/posts/post-6', {}, 'GET', 'CA')
    expect(await countOf('country', 'FR')).toBe(2)
    expect(await countOf('country', 'CA')).toBe(1)
  })

  it('stores nothing that identifies a reader: no IP, no User-Agent', async () => {
    await visit('/posts/post-7', { 'CF-Connecting-IP': '203.0.113.77' })
    await flushAudience(env)
    const shards = await shardContents(env)
    const everything = JSON.stringify([
      await db.select().from(audienceDailyCounts),
      await db.select().from(audienceDailyVisitors),
      shards,
    ])
    expect(everything).not.toContain('203.0.113.77')
    expect(everything).not.toContain('Chrome/130')
    const hashes = shards.flatMap((shard) => shard.visitors)
    expect(hashes.length).toBeGreaterThan(0)
    for (const row of hashes) expect(row.hash).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('exact counts', () => {
  it('counts 1,000 concurrent views exactly', { timeout: 120_000 }, async () => {
    const before = await countOf('page', '/posts/post-8')
    await Promise.all(Array.from({ length: 1000 }, () => visit('/posts/post-8')))
    expect(await countOf('page', '/posts/post-8')).toBe(before + 1000)
  })

  it(
    'counts 50 distinct clients as 50 unique visitors, however often they come back',
    { timeout: 60_000 },
    async () => {
      const before = await visitorsToday()
      const clients = Array.from({ length: 50 }, (_, i) => ({
        'CF-Connecting-IP': `198.51.100.${i + 1}`,
        'User-Agent': `${CHROME} client-${i}`,
      }))
      await Promise.all(clients.map((headers) => visit('/posts/post-9', headers)))
      await Promise.all(clients.map((headers) => visit('/posts/post-10', headers)))
      expect((await visitorsToday()) - before).toBe(50)
    },
  )
})

describe('rotation and retention', () => {
  it('closes past days: their unique count stays, their salt and visitor hashes are gone', async () => {
    await db.insert(audienceSalts).values({ day: yesterday(), salt: 'old-salt' })
    await db.insert(audienceDailyVisitors).values([
      { day: yesterday(), visitorHash: 'aaaaaaaaaaaaaaaa' },
      { day: yesterday(), visitorHash: 'bbbbbbbbbbbbbbbb' },
    ])
    const todaysSalt = await db.select().from(audienceSalts).where(eq(audienceSalts.day, today()))
    expect(todaysSalt).toHaveLength(1)

    const ctx = createExecutionContext()
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: '7 * * * *' }),
      { ...env, ANALYTICS_RETENTION_MONTHS: '100' },
      ctx,
    )
    await waitOnExecutionContext(ctx)

    expect(
      await db.select().from(audienceSalts).where(eq(audienceSalts.day, yesterday())),
    ).toHaveLength(0)
    expect(
      await db
        .select()
        .from(audienceDailyVisitors)
        .where(eq(audienceDailyVisitors.day, yesterday())),
    ).toHaveLength(0)
    expect(
      await db.select().from(audienceSalts).where(eq(audienceSalts.day, today())),
    ).toHaveLength(1)
    const [closed] = await db
      .select()
      .from(audienceDailyCounts)
      .where(
        and(eq(audienceDailyCounts.day, yesterday()), eq(audienceDailyCounts.metric, 'visitors')),
      )
    expect(closed.count).toBe(2)
  })

  it('adds the hashes D1 still holds from before the shards to what the shards counted', async () => {
    // Days of their own: the day the shards were deployed, and the one before.
    const [before, now] = ['2020-07-01', '2020-07-02']
    await db.insert(audienceDailyCounts).values([
      { day: before, metric: 'visitors', key: '', count: 5 },
      { day: now, metric: 'visitors', key: '', count: 3 },
    ])
    await db.insert(audienceDailyVisitors).values([
      { day: before, visitorHash: 'cccccccccccccccc' },
      { day: now, visitorHash: 'dddddddddddddddd' },
    ])
    expect((await dailySeries(db, now, now)).get(now)!.visitors).toBe(4)
    expect(await closePastDays(db, now)).toBe(1)
    const [closed] = await db
      .select()
      .from(audienceDailyCounts)
      .where(and(eq(audienceDailyCounts.day, before), eq(audienceDailyCounts.metric, 'visitors')))
    expect(closed.count).toBe(6)
  })

  it('deletes daily rows older than the retention, 13 months by default', async () => {
    const now = new Date()
    const fourteenMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 14, 1))
      .toISOString()
      .slice(0, 10)
    const twelveMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1))
      .toISOString()
      .slice(0, 10)
    await db.insert(audienceDailyCounts).values([
      { day: fourteenMonthsAgo, metric: 'page', key: '/old', count: 3 },
      { day: twelveMonthsAgo, metric: 'page', key: '/kept', count: 4 },
    ])
    const ctx = createExecutionContext()
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: '7 * * * *' }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    const days = (await db.select().from(audienceDailyCounts)).map((row) => row.day)
    expect(days).not.toContain(fourteenMonthsAgo)
    expect(days).toContain(twelveMonthsAgo)
  })

  it('never keeps more than 25 months, whatever the setting says', async () => {
    const { retentionMonths } = await import('../../../src/features/audience/visitor')
    expect(retentionMonths(undefined)).toBe(13)
    expect(retentionMonths('6')).toBe(6)
    expect(retentionMonths('100')).toBe(25)
    expect(retentionMonths('nonsense')).toBe(13)
  })
})

describe('switching it off', () => {
  it('counts nothing when ANALYTICS_ENABLED is "false"', async () => {
    const before = await countOf('page', '/posts/post-11')
    const ctx = createExecutionContext()
    await worker.fetch(
      new Request('https://blog.example/posts/post-11', {
        headers: { 'User-Agent': CHROME },
      }) as Parameters<typeof worker.fetch>[0],
      { ...env, ANALYTICS_ENABLED: 'false' },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(await countOf('page', '/posts/post-11')).toBe(before)
  })
})
