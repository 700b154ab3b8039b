import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../../src/index'
import { audienceDailyCounts, audienceDailyVisitors } from '../../../src/db/schema'
import { dayOf } from '../../../src/features/audience/visitor'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

let cookie: string
const DAY = 86_400_000
const day = (daysAgo: number) => dayOf(Date.now() - daysAgo * DAY, env.SITE_TIMEZONE)

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  await createPublishedPosts(3, author.id)
  await createEditor('owner@blog.example', 'owner')
  cookie = await logIn('owner@blog.example')
  await db.insert(audienceDailyCounts).values([
    { day: day(2), metric: 'page', key: '/posts/post-1', count: 40 },
    { day: day(2), metric: 'page', key: '/', count: 10 },
    { day: day(2), metric: 'visitors', key: '', count: 30 },
    { day: day(1), metric: 'page', key: '/posts/post-1', count: 5 },
    { day: day(1), metric: 'page', key: '/posts/post-2', count: 7 },
    { day: day(1), metric: 'visitors', key: '', count: 9 },
    { day: day(1), metric: 'referrer', key: 'news.example', count: 4 },
    { day: day(1), metric: 'referrer', key: '=HYPERLINK("x")', count: 1 },
    { day: day(1), metric: 'country', key: 'FR', count: 8 },
    { day: day(1), metric: 'device', key: 'mobile', count: 6 },
    { day: day(1), metric: 'bot', key: '', count: 13 },
    { day: day(1), metric: 'more', key: '/', count: 3 },
    { day: day(0), metric: 'page', key: '/posts/post-3', count: 2 },
    { day: day(0), metric: 'page', key: '/privacy', count: 1 },
    { day: day(3), metric: 'page', key: '/search', count: 1 },
    { day: day(0), metric: 'page', key: '/categories/essais', count: 1 },
    { day: day(0), metric: 'page', key: '/authors/claire-dubois', count: 1 },
    { day: day(45), metric: 'page', key: '/posts/post-1', count: 100 },
  ])
  await db.insert(audienceDailyVisitors).values([
    { day: day(0), visitorHash: '0000000000000001' },
    { day: day(0), visitorHash: '0000000000000002' },
  ])
})

describe('the audience dashboard', () => {
  it('is for editors only', async () => {
    expect((await request('/admin/analytics')).status).toBe(303)
    expect((await request('/admin/analytics.csv')).status).toBe(303)
  })

  it('shows totals, the daily chart as SVG with a table, top pages by title, sources, countries, devices, bots', async () => {
    const response = await request('/admin/analytics?range=7', { cookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<dt>Page views<\/dt><dd>68<\/dd>/)
    expect(html).toMatch(/<dt>Bot requests filtered<\/dt><dd>13<\/dd>/)
    expect(html).toMatch(/<dt>Load More used<\/dt><dd>3<\/dd>/)
    expect(html).toContain('<svg viewBox="0 0 720 220" role="img"')
    expect(html.match(/<rect class="bar"/g)).toHaveLength(7)
    expect(html).toContain(
      `<th scope="row">${day(2)}</th><td class="number">50</td><td class="number">30</td>`,
    )
    expect(html).toContain(
      `<th scope="row">${day(0)}</th><td class="number">5</td><td class="number">2</td>`,
    )
    expect(html).toContain('<a href="/posts/post-1">Post 1</a></td><td class="number">45</td>')
    expect(html).toContain('<a href="/">Home page</a>')
    expect(html).toContain('news.example')
    expect(html).toContain('France')
    expect(html).toContain('Mobile')
    expect(html).not.toMatch(/<dd>41<\/dd>/) // 30 + 9 + 2 visitors are never added up
  })

  it('averages visitors over the days that had visits, and says so', async () => {
    const html = await (await request('/admin/analytics?range=30', { cookie })).text()
    // (30 + 9 + 2) / 3 days with visits, not / 30 days.
    expect(html).toMatch(
      /<dt>Unique visitors per day \(average of the 3 days with visits\)<\/dt><dd>14<\/dd>/,
    )
  })

  it('names every top page and writes the busiest day as the admin writes dates', async () => {
    const html = await (await request('/admin/analytics?range=7', { cookie })).text()
    expect(html).toContain('<a href="/privacy">Privacy</a></td>')
    expect(html).toContain('<a href="/search">Search</a></td>')
    expect(html).toContain('<a href="/categories/essais">Essais</a></td>')
    expect(html).toContain('<a href="/authors/claire-dubois">Claire Dubois</a></td>')
    const busiest = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(`${day(2)}T12:00:00Z`))
    expect(html).toContain(`<time datetime="${day(2)}">${busiest}</time> (50)`)
  })

  it('shows countries as “unknown (local)” when running locally', async () => {
    const local = await exports.default.fetch('http://localhost:8787/admin/analytics?range=7', {
      headers: { Cookie: cookie },
    })
    const html = await local.text()
    expect(html).toContain('<td>unknown (local)</td><td class="number">8</td>')
    expect(html).not.toContain('France')
    expect(html.match(/<script/g)).toHaveLength(1) // htmx only: the chart needs no script
  })

  it('takes 30, 90 days or a custom range', async () => {
    const ninety = await (await request('/admin/analytics?range=90', { cookie })).text()
    expect(ninety).toMatch(/<dt>Page views<\/dt><dd>168<\/dd>/)
    expect(ninety.match(/<rect class="bar"/g)).toHaveLength(90)
    const custom = await (
      await request(`/admin/analytics?from=${day(2)}&to=${day(2)}`, { cookie })
    ).text()
    expect(custom).toMatch(/<dt>Page views<\/dt><dd>50<\/dd>/)
    const bad = await (
      await request('/admin/analytics?from=2026-05-10&to=2026-01-01', { cookie })
    ).text()
    expect(bad).toContain('Choose a start date before the end date')
  })

  it.each([
    ['a range entirely in the future', 'from=2099-01-01&to=2099-12-31'],
    ['a day that does not exist', 'from=2026-02-31&to=2026-03-02'],
    ['a month 13', `from=2026-13-01&to=${'2026-12-01'}`],
    ['a range before what is kept', 'from=1999-01-01&to=1999-12-31'],
  ])('refuses %s with a message, never NaN, and exports a range in order', async (_, query) => {
    const response = await request(`/admin/analytics?${query}`, { cookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Choose a start date before the end date')
    expect(html).not.toContain('NaN')
    const csv = await request(`/admin/analytics.csv?${query}`, { cookie })
    const [, from, to] = /filename="audience-(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})\.csv"/.exec(
      csv.headers.get('Content-Disposition') ?? '',
    )!
    expect(from <= to).toBe(true)
    expect(to).toBe(day(0))
  })

  it('clamps a range that overlaps today to what exists', async () => {
    const html = await (
      await request(`/admin/analytics?from=${day(1)}&to=2099-12-31`, { cookie })
    ).text()
    expect(html).not.toContain('Choose a start date before the end date')
    expect(html.match(/<rect class="bar"/g)).toHaveLength(2)
  })

  it('exports the same data as CSV, safe to open in a spreadsheet', async () => {
    const response = await request('/admin/analytics.csv?range=7', { cookie })
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="audience-/)
    const lines = (await response.text()).trim().split('\r\n')
    expect(lines[0]).toBe('day,metric,key,count')
    expect(lines).toContain(`${day(2)},page,/posts/post-1,40`)
    expect(lines).toContain(`${day(2)},unique_visitors_that_day,,30`)
    expect(lines).toContain(`${day(0)},unique_visitors_that_day,,2`)
    expect(lines).toContain(`${day(1)},referrer,"'=HYPERLINK(""x"")",1`)
    expect(lines.join('\n')).not.toContain(day(45))
  })

  it('shows each post’s views for the last 30 days in the admin list', async () => {
    const html = await (await request('/admin/posts', { cookie })).text()
    expect(html).toMatch(
      /<a href="\/admin\/posts\/1">Post 1<\/a>.*?<td class="number"[^>]*>45<\/td>/s,
    )
    expect(html).toMatch(
      /<a href="\/admin\/posts\/3">Post 3<\/a>.*?<td class="number"[^>]*>2<\/td>/s,
    )
  })
})

describe('the privacy page', () => {
  it('says what is counted and kept, for how long, and how to opt out, linked from every page', async () => {
    const html = await (await request('/privacy')).text()
    expect(html).toContain('<h1>Privacy</h1>')
    expect(html).toContain('kept for 13 months')
    expect(html).toContain('Sec-GPC: 1')
    expect(html).toContain('DNT: 1')
    for (const path of ['/', '/posts/post-1', '/nope']) {
      expect(await (await request(path)).text()).toContain('<a href="/privacy">Privacy</a>')
    }
  })

  it('speaks French when the site does', async () => {
    const html = await (
      await app.request(
        '/privacy',
        {},
        { ...env, SITE_LOCALE: 'fr', ANALYTICS_RETENTION_MONTHS: '6' },
      )
    ).text()
    expect(html).toContain('<h1>Confidentialité</h1>')
    expect(html).toContain('gardés 6\u202fmois')
    expect(html).toContain('<a href="/privacy">Confidentialité</a>')
  })
})
