import { Hono, type Context } from 'hono'
import { countedUpTo, countsInRange, dailySeries, topKeys } from './queries'
import { audienceMessagesFor } from './messages'
import { titlesForPaths } from './page-titles'
import { dayOf, retentionCutoffDay } from './visitor'
import { epochToZonedInputs, formatDateTime, formatDay } from '../../lib/dates'
import { isLocalRequest } from '../../lib/local-request'
import { toCsv } from '../../lib/csv'
import { requireContentEditor, requireEditor } from '../auth'
import type { AdminEnv, EditorEnv } from '../../types'
import type { Locale } from '../../i18n/site'
import * as v from 'valibot'
import { addDays, analyticsQuery, RANGE_PRESETS, readRange } from './schemas'
import { lenientQuery } from '../../lib/validation/form'
import { AnalyticsPage, type Ranked } from './views/analytics-page'

/** The range asked for, in the site's days, within the retention window. */
function rangeOf(c: Context<EditorEnv>, query: v.InferOutput<typeof analyticsQuery>) {
  const today = dayOf(Date.now(), c.var.site.timeZone)
  const firstKept = retentionCutoffDay(today, c.var.site.audience.retentionMonths)
  return readRange(query, today, firstKept)
}

/** "12:41" today, a date and time before. */
function countedTime(at: number, locale: Locale, timeZone: string) {
  const { date, time } = epochToZonedInputs(at, timeZone)
  return date === dayOf(Date.now(), timeZone)
    ? time
    : formatDateTime(new Date(at), locale, timeZone)
}

function daysBetween(from: string, to: string) {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

function rangeQuery(range: { preset: string; from: string; to: string }) {
  return range.preset ? `range=${range.preset}` : `from=${range.from}&to=${range.to}`
}

export const adminAnalyticsRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireContentEditor)
  .get('/', lenientQuery(analyticsQuery), async (c) => {
    const { db, a, site } = c.var
    const range = rangeOf(c, c.req.valid('query'))
    const [series, pages, referrers, countries, devices, more, bots, unrecorded, upTo] =
      await Promise.all([
        dailySeries(db, range.from, range.to),
        topKeys(db, 'page', range.from, range.to),
        topKeys(db, 'referrer', range.from, range.to),
        topKeys(db, 'country', range.from, range.to),
        topKeys(db, 'device', range.from, range.to),
        topKeys(db, 'more', range.from, range.to, 1000),
        topKeys(db, 'bot', range.from, range.to),
        topKeys(db, 'unrecorded', range.from, range.to),
        countedUpTo(db),
      ])
    const rows = daysBetween(range.from, range.to).map(
      (day) => series.get(day) ?? { day, views: 0, visitors: 0 },
    )
    const views = rows.reduce((total, row) => total + row.views, 0)
    const busiestDay = rows.reduce<(typeof rows)[number] | null>(
      (best, row) => (row.views > 0 && (!best || row.views > best.views) ? row : best),
      null,
    )
    const titles = await titlesForPaths(
      db,
      pages.map((page) => page.key),
    )
    const fixedTitles: Record<string, string> = {
      '/': a.homePage,
      '/privacy': a.privacyPage,
      '/categories': site.t.allCategories,
      '/search': site.t.searchTitle,
    }
    const topPages: Ranked[] = pages.map((page) => ({
      label: fixedTitles[page.key] ?? titles.get(page.key) ?? page.key,
      href: page.key,
      count: page.count,
    }))
    // Days without a visit (before launch, or quiet ones) would drag the average towards zero.
    const daysWithVisits = rows.filter((row) => row.visitors > 0)
    // wrangler dev gives every request a placeholder country: say so rather than show it.
    const local = isLocalRequest(c.req.url)
    const regionNames = new Intl.DisplayNames([site.locale], { type: 'region' })
    const m = audienceMessagesFor(site.locale)
    const unrecordedViews = unrecorded.reduce((total, row) => total + row.count, 0)
    return c.render(
      <AnalyticsPage
        a={a}
        m={m}
        countedUpTo={upTo === null ? null : countedTime(upTo, site.locale, site.timeZone)}
        unrecordedViews={c.var.editor.role === 'owner' ? unrecordedViews : 0}
        editor={c.var.editor}
        range={range}
        presets={RANGE_PRESETS}
        rows={rows}
        totals={{
          views,
          averageVisitors: {
            days: daysWithVisits.length,
            value: Math.round(
              daysWithVisits.reduce((total, row) => total + row.visitors, 0) /
                Math.max(1, daysWithVisits.length),
            ),
          },
          busiestDay: busiestDay && {
            ...busiestDay,
            label: formatDay(busiestDay.day, site.locale),
          },
          moreLoaded: more.reduce((total, row) => total + row.count, 0),
          bots: bots.reduce((total, row) => total + row.count, 0),
        }}
        topPages={topPages}
        referrers={referrers.map((row) => ({ label: row.key, count: row.count }))}
        countries={
          local
            ? [{ label: a.localCountry, count: countries.reduce((sum, row) => sum + row.count, 0) }]
            : countries.map((row) => ({
                label: regionNames.of(row.key) ?? row.key,
                count: row.count,
              }))
        }
        devices={devices.map((row) => ({
          label: a.deviceNames[row.key] ?? row.key,
          count: row.count,
        }))}
        csvHref={`/admin/analytics.csv?${rangeQuery(range)}`}
        error={range.error ? a.rangeInvalid : null}
      />,
      { title: a.analyticsTitle, admin: true },
    )
  })

/** The same numbers as the dashboard, one row per day, metric and key. */
export const adminAnalyticsCsvRoute = new Hono<AdminEnv>()
  .use(requireEditor, requireContentEditor)
  .get('/', lenientQuery(analyticsQuery), async (c) => {
    const range = rangeOf(c, c.req.valid('query'))
    const [counts, series] = await Promise.all([
      countsInRange(c.var.db, range.from, range.to),
      dailySeries(c.var.db, range.from, range.to),
    ])
    const rows: (string | number)[][] = []
    for (const row of counts)
      if (row.metric !== 'visitors') rows.push([row.day, row.metric, row.key, row.count])
    for (const day of series.values())
      rows.push([day.day, 'unique_visitors_that_day', '', day.visitors])
    rows.sort(
      (x, y) =>
        String(x[0]).localeCompare(String(y[0])) || String(x[1]).localeCompare(String(y[1])),
    )
    rows.unshift(['day', 'metric', 'key', 'count'])
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="audience-${range.from}-${range.to}.csv"`)
    return c.body(toCsv(rows))
  })
