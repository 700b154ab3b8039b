import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { audienceDailyCounts, audienceDailyVisitors, media } from '../../../src/db/schema'
import { dayOf } from '../../../src/features/audience/visitor'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'
import { gif } from '../../media-samples'
import { connect, errorText, LOCAL, structured, tokenFor, toWorker } from './mcp-helpers'

const DAY = 86_400_000
const day = (daysAgo: number) => dayOf(Date.now() - daysAgo * DAY, env.SITE_TIMEZONE)

let ownerId: number
let cookie: string

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  await createPublishedPosts(3, author.id)
  ownerId = (await createEditor('owner@blog.example', 'owner')).id
  cookie = await logIn('owner@blog.example')
  await db.insert(audienceDailyCounts).values([
    { day: day(2), metric: 'page', key: '/posts/post-1', count: 40 },
    { day: day(2), metric: 'page', key: '/', count: 10 },
    { day: day(2), metric: 'visitors', key: '', count: 30 },
    { day: day(1), metric: 'page', key: '/posts/post-1', count: 5 },
    { day: day(1), metric: 'page', key: '/posts/post-2', count: 7 },
    { day: day(1), metric: 'visitors', key: '', count: 9 },
    { day: day(1), metric: 'referrer', key: 'news.example', count: 4 },
    { day: day(1), metric: 'country', key: 'FR', count: 8 },
    { day: day(1), metric: 'country', key: 'DE', count: 2 },
    { day: day(1), metric: 'device', key: 'mobile', count: 6 },
    { day: day(1), metric: 'bot', key: '', count: 13 },
    { day: day(0), metric: 'page', key: '/posts/post-3', count: 2 },
    { day: day(9), metric: 'page', key: '/posts/post-1', count: 100 },
  ])
  await db.insert(audienceDailyVisitors).values([
    { day: day(0), visitorHash: '0000000000000001' },
    { day: day(0), visitorHash: '0000000000000002' },
  ])
})

type Audience = {
  from: string
  to: string
  views: number
  days: { day: string; views: number; visitors: number }[]
  topPages: { path: string; title: string | null; views: number }[]
  sources: { source: string; views: number }[]
  countries: { country: string; views: number }[]
  bots: number
}

describe('get_audience', () => {
  it('gives the dashboard’s figures for the same range', async () => {
    const [from, to] = [day(6), day(0)]
    const client = await connect(await tokenFor(ownerId, 'read'))
    const audience = structured<Audience>(
      await client.callTool({ name: 'get_audience', arguments: { from, to } }),
    )

    const html = await (await request(`/admin/analytics?from=${from}&to=${to}`, { cookie })).text()
    const total = Number(/<dt>Page views<\/dt><dd>(\d+)<\/dd>/.exec(html)![1])
    expect(audience.views).toBe(total)
    expect(html).toMatch(new RegExp(`<dt>Bot requests filtered</dt><dd>${audience.bots}</dd>`))
    for (const row of audience.days)
      expect(html).toContain(
        `<th scope="row">${row.day}</th><td class="number">${row.views}</td><td class="number">${row.visitors}</td>`,
      )

    // The CSV export adds up the same stored rows by another path.
    const csv = (
      await (await request(`/admin/analytics.csv?from=${from}&to=${to}`, { cookie })).text()
    )
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','))
    const sum = (metric: string, key?: string) =>
      csv
        .filter((row) => row[1] === metric && (key === undefined || row[2] === key))
        .reduce((total, row) => total + Number(row[3]), 0)
    expect(audience.views).toBe(sum('page'))
    for (const page of audience.topPages) expect(page.views).toBe(sum('page', page.path))
    for (const source of audience.sources) expect(source.views).toBe(sum('referrer', source.source))
    for (const country of audience.countries)
      expect(country.views).toBe(sum('country', country.country))
    for (const row of audience.days)
      expect(row.visitors).toBe(
        Number(
          csv.find((line) => line[0] === row.day && line[1] === 'unique_visitors_that_day')?.[3] ??
            0,
        ),
      )

    expect(audience).toMatchObject({ from, to, views: 64, bots: 13 })
    expect(audience.topPages[0]).toEqual({ path: '/posts/post-1', title: 'Post 1', views: 45 })
    expect(audience.countries).toEqual([
      { country: 'FR', views: 8 },
      { country: 'DE', views: 2 },
    ])
    // Nothing that could identify a reader: counts only.
    expect(JSON.stringify(audience)).not.toContain('0000000000000001')
  })

  it('refuses impossible or reversed ranges', async () => {
    const client = await connect(await tokenFor(ownerId, 'read'))
    for (const range of [
      { from: '2026-02-31', to: '2026-03-01' },
      { from: day(0), to: day(3) },
    ]) {
      const result = await client.callTool({ name: 'get_audience', arguments: range })
      expect(result.isError, JSON.stringify(range)).toBe(true)
    }
  })
})

describe('upload_image', () => {
  it('stores an image sent as base64 with its alt text, and refuses one without', async () => {
    const client = await connect(await tokenFor(ownerId, 'write_drafts'))
    const image = structured<{ id: number; path: string; markdown: string; url: string }>(
      await client.callTool({
        name: 'upload_image',
        arguments: { base64: gif, alt: 'A small [test] picture' },
      }),
    )
    expect(image.path).toMatch(/^\/media\/[0-9a-f]{64}\.gif$/)
    expect(image.url).toBe(`${LOCAL}${image.path}`)
    expect(image.markdown).toBe(`![A small \\[test\\] picture](${image.path})`)
    expect((await toWorker(`${LOCAL}${image.path}`)).status).toBe(200)

    const count = (await db.select().from(media)).length
    const noAlt = await client.callTool({
      name: 'upload_image',
      arguments: { base64: gif, alt: ' ' },
    })
    expect(errorText(noAlt)).toContain('alt is required')
    const notImage = await client.callTool({
      name: 'upload_image',
      arguments: { base64: btoa('<html><script>alert(1)</script></html>'), alt: 'x' },
    })
    expect(errorText(notImage)).toMatch(/^The image was refused: /)
    expect((await db.select().from(media)).length).toBe(count)
  })
})

describe('hostile inputs', () => {
  const raw = (token: string, body: string, headers: Record<string, string> = {}) =>
    toWorker(`${LOCAL}/mcp`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        Authorization: `Bearer ${token}`,
        ...headers,
      },
      body,
    })

  it('answers huge strings, wrong types and unknown tools with errors, never a 5xx', async () => {
    const client = await connect(await tokenFor(ownerId, 'publish'))
    const calls: [string, unknown][] = [
      ['search_posts', { query: 'x'.repeat(100_000) }],
      ['search_posts', { query: 42 }],
      ['search_posts', {}],
      ['create_post', { title: 'x'.repeat(1_000_000), markdown: '' }],
      ['create_post', { title: ['a'], markdown: { b: 1 } }],
      ['create_post', { title: '', markdown: 'no title' }],
      ['create_post', { title: 'Too big', markdown: 'é'.repeat(200_000) }],
      ['update_post', { id: 1, slug: 'post-1', version: 1 }],
      ['update_post', { id: -1, version: 1.5 }],
      ['update_post', { id: 999999, version: 1, title: 'Nobody' }],
      ['get_post', { slug: '../../etc/passwd' }],
      ['get_post', { id: Number.MAX_SAFE_INTEGER + 2 }],
      ['list_posts', { cursor: "1' OR 1=1 --" }],
      ['list_posts', { status: 'trash', limit: 10_000 }],
      ['schedule_post', { id: 1, version: 1, at: 'tomorrow' }],
      ['create_note', { url: 'javascript:alert(1)' }],
      ['upload_image', { url: 'http://127.0.0.1:1/x.png', base64: 'AAAA', alt: 'x' }],
      ['upload_image', { base64: '!!!not base64!!!', alt: 'x' }],
      ['get_audience', { from: 'x'.repeat(10_000), to: null }],
    ]
    for (const [name, args] of calls) {
      const result = await client.callTool({ name, arguments: args as Record<string, unknown> })
      expect(result.isError, `${name} ${JSON.stringify(args).slice(0, 80)}`).toBe(true)
      expect(errorText(result).length).toBeLessThan(2000)
    }
    await expect(client.callTool({ name: 'drop_tables', arguments: {} })).rejects.toThrow(
      /Unknown tool: drop_tables/,
    )
  })

  it('answers malformed requests with 4xx', async () => {
    const token = await tokenFor(ownerId, 'read')
    const bodies = [
      'not json',
      '{"jsonrpc":"2.0"',
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: 'x' }),
      JSON.stringify([]),
    ]
    for (const body of bodies) {
      const response = await raw(token, body)
      expect(response.status, body).toBeLessThan(500)
    }
    const big = await raw(token, JSON.stringify({ pad: 'x'.repeat(16 * 1024 * 1024) }))
    expect(big.status).toBe(413)
    const tooLong = await raw(`eb_pat_${'a'.repeat(5000)}`, '{}')
    expect(tooLong.status).toBe(401)
  })
})
