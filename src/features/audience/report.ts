import type { Db } from '../../db/client'
import { countedUpTo, dailySeries, topKeys } from './queries'
import { addDays } from './schemas'

function daysBetween(from: string, to: string) {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

/**
 * Every figure of the dashboard for a range of days, as counts: the admin page and the MCP
 * server's get_audience both read them here, so they cannot disagree.
 */
export async function audienceReport(db: Db, from: string, to: string) {
  const [series, pages, referrers, countries, devices, more, bots, unrecorded, upTo] =
    await Promise.all([
      dailySeries(db, from, to),
      topKeys(db, 'page', from, to),
      topKeys(db, 'referrer', from, to),
      topKeys(db, 'country', from, to),
      topKeys(db, 'device', from, to),
      topKeys(db, 'more', from, to, 1000),
      topKeys(db, 'bot', from, to),
      topKeys(db, 'unrecorded', from, to),
      countedUpTo(db),
    ])
  const rows = daysBetween(from, to).map((day) => series.get(day) ?? { day, views: 0, visitors: 0 })
  const sum = (list: { count: number }[]) => list.reduce((total, row) => total + row.count, 0)
  // Days without a visit (before launch, or quiet ones) would drag the average towards zero.
  const daysWithVisits = rows.filter((row) => row.visitors > 0)
  return {
    rows,
    views: rows.reduce((total, row) => total + row.views, 0),
    busiestDay: rows.reduce<(typeof rows)[number] | null>(
      (best, row) => (row.views > 0 && (!best || row.views > best.views) ? row : best),
      null,
    ),
    averageVisitors: {
      days: daysWithVisits.length,
      value: Math.round(
        daysWithVisits.reduce((total, row) => total + row.visitors, 0) /
          Math.max(1, daysWithVisits.length),
      ),
    },
    pages,
    referrers,
    countries,
    devices,
    moreLoaded: sum(more),
    bots: sum(bots),
    unrecordedViews: sum(unrecorded),
    countedUpTo: upTo,
  }
}

export type AudienceReport = Awaited<ReturnType<typeof audienceReport>>
