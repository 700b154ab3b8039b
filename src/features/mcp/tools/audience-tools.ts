import {
  audienceReport,
  dayOf,
  readRange,
  retentionCutoffDay,
  retentionMonths,
  titlesForPaths,
} from '../../audience'
import { getAudienceInput } from '../schemas'
import { defineTool, done, json, refuse } from '../tool'

const ranked = (key: string) => json.array(json.object({ [key]: json.string, views: json.integer }))

export const getAudienceTool = defineTool({
  name: 'get_audience',
  title: 'Audience figures',
  description:
    'The cookie-free audience counter’s figures for a range of days (from, to: YYYY-MM-DD in the site’s time zone), the same as the admin’s dashboard: views, unique visitors each day, top pages, sources, countries and devices. No reader is identified anywhere; figures lag about a minute.',
  scope: 'read',
  input: getAudienceInput,
  output: json.object({
    from: json.string,
    to: json.string,
    views: json.integer,
    days: json.array(
      json.object({ day: json.string, views: json.integer, visitors: json.integer }),
    ),
    averageDailyVisitors: json.integer,
    topPages: json.array(
      json.object({ path: json.string, title: json.nullableString, views: json.integer }),
    ),
    sources: ranked('source'),
    countries: ranked('country'),
    devices: ranked('device'),
    bots: json.integer,
    countedUpTo: json.nullableString,
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(ctx, args) {
    const today = dayOf(Date.now(), ctx.site.timeZone)
    const firstKept = retentionCutoffDay(today, retentionMonths(ctx.env.ANALYTICS_RETENTION_MONTHS))
    const range = readRange({ from: args.from, to: args.to, range: '' }, today, firstKept)
    if (range.error)
      return refuse(
        `Give real days, from before to, within what is kept: ${firstKept} to ${today}.`,
      )
    const report = await audienceReport(ctx.db, range.from, range.to)
    const titles = await titlesForPaths(
      ctx.db,
      report.pages.map((page) => page.key),
    )
    return done({
      from: range.from,
      to: range.to,
      views: report.views,
      days: report.rows,
      averageDailyVisitors: report.averageVisitors.value,
      topPages: report.pages.map((page) => ({
        path: page.key,
        title: titles.get(page.key) ?? null,
        views: page.count,
      })),
      sources: report.referrers.map((row) => ({ source: row.key, views: row.count })),
      countries: report.countries.map((row) => ({ country: row.key, views: row.count })),
      devices: report.devices.map((row) => ({ device: row.key, views: row.count })),
      bots: report.bots,
      countedUpTo: report.countedUpTo === null ? null : new Date(report.countedUpTo).toISOString(),
    })
  },
})
