import { Hono, type Context } from 'hono'
import { countsInRange, dailySeries } from './queries'
import { audienceReport } from './report'
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
import { analyticsQuery, RANGE_PRESETS, readRange } from './schemas'
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

function rangeQuery(range: { preset: string; from: string; to: string }) {
  return range.preset ? `range=${range.preset}` : `from=${range.from}&to=${range.to}`
}

export const adminAnalyticsRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireContentEditor)
  .get('/', lenientQuery(analyticsQuery), async (c) => {
    const { db, a, site } = c.var
    const range = rangeOf(c, c.req.valid('query'))
    const report = await audienceReport(db, range.from, range.to)
    const { rows, views, busiestDay, pages, referrers, countries, devices } = report
    const upTo = report.countedUpTo
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
    // wrangler dev gives every request a placeholder country: say so rather than show it.
    const local = isLocalRequest(c.req.url)
    const regionNames = new Intl.DisplayNames([site.locale], { type: 'region' })
    const m = audienceMessagesFor(site.locale)
    const unrecordedViews = report.unrecordedViews
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
          averageVisitors: report.averageVisitors,
          busiestDay: busiestDay && {
            ...busiestDay,
            label: formatDay(busiestDay.day, site.locale),
          },
          moreLoaded: report.moreLoaded,
          bots: report.bots,
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
