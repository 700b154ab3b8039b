import type { DailyRow } from '../queries'
import type { User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav, Notice } from '../../../ui/admin-nav'
import { DailyChart } from './daily-chart'
import type { AudienceMessages } from '../messages'

export type Ranked = { label: string; href?: string; count: number }

export type AnalyticsPageProps = {
  a: AdminMessages
  m: AudienceMessages
  /** When the newest flush was taken, as the admin writes times; null before any. */
  countedUpTo: string | null
  /** Views given up on over the range: shown to the owner when there are any. */
  unrecordedViews: number
  editor: User
  range: { preset: string; from: string; to: string }
  presets: number[]
  rows: DailyRow[]
  totals: {
    views: number
    /** Over the days that had visits only, and how many they were. */
    averageVisitors: { value: number; days: number }
    busiestDay: (DailyRow & { label: string }) | null
    moreLoaded: number
    bots: number
  }
  topPages: Ranked[]
  referrers: Ranked[]
  countries: Ranked[]
  devices: Ranked[]
  csvHref: string
  error?: string | null
}

function RankedTable({
  caption,
  column,
  a,
  items,
}: {
  caption: string
  column: string
  a: AdminMessages
  items: Ranked[]
}) {
  return (
    <section class="ranked">
      <h2>{caption}</h2>
      {items.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" class="number">
                {a.views}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr>
                <td>{item.href ? <a href={item.href}>{item.label}</a> : item.label}</td>
                <td class="number">{item.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function AnalyticsPage(props: AnalyticsPageProps) {
  const { a, range, totals, rows } = props
  return (
    <section class="admin analytics">
      <AdminNav a={a} editor={props.editor} />
      <h1>{a.analyticsTitle}</h1>
      <p class="help">{a.analyticsIntro}</p>
      <p class="help counted-up-to">
        {props.countedUpTo === null
          ? props.m.nothingCountedYet
          : props.m.countedUpTo(props.countedUpTo)}
      </p>
      <nav class="range-presets" aria-label={a.show}>
        {props.presets.map((days) => (
          <a
            href={`/admin/analytics?range=${days}`}
            aria-current={range.preset === String(days) ? 'page' : undefined}
          >
            {a.lastDays(days)}
          </a>
        ))}
      </nav>
      <form method="get" action="/admin/analytics" class="filters">
        <label>
          {a.from}
          <input type="date" name="from" value={range.from} required />
        </label>
        <label>
          {a.to}
          <input type="date" name="to" value={range.to} required />
        </label>
        <button type="submit">{a.show}</button>
      </form>
      <Notice message={props.error} tone="error" />

      <dl class="totals">
        <div>
          <dt>{a.totalViews}</dt>
          <dd>{totals.views}</dd>
        </div>
        <div>
          <dt>{a.averageVisitorsOverDays(totals.averageVisitors.days)}</dt>
          <dd>{totals.averageVisitors.days > 0 ? totals.averageVisitors.value : '—'}</dd>
        </div>
        <div>
          <dt>{a.busiestDay}</dt>
          <dd>
            {totals.busiestDay ? (
              <>
                <time datetime={totals.busiestDay.day}>{totals.busiestDay.label}</time> (
                {totals.busiestDay.views})
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>{a.moreLoaded}</dt>
          <dd>{totals.moreLoaded}</dd>
        </div>
        <div>
          <dt>{a.botViews}</dt>
          <dd>{totals.bots}</dd>
        </div>
        {props.unrecordedViews > 0 && (
          <div class="unrecorded">
            <dt>{props.m.unrecordedViews}</dt>
            <dd>{props.unrecordedViews}</dd>
          </div>
        )}
      </dl>
      {props.unrecordedViews > 0 && <p class="help">{props.m.unrecordedHelp}</p>}

      <h2>{a.chartTitle}</h2>
      <DailyChart
        rows={rows}
        title={a.chartTitle}
        summary={a.chartSummary(rows.length, totals.views)}
        viewsLabel={a.views}
        visitorsLabel={a.visitorsPerDay}
      />
      <p class="help">{a.uniquesNote}</p>
      <details>
        <summary>{a.showTable}</summary>
        <table class="daily-table">
          <caption class="visually-hidden">{a.chartTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{a.day}</th>
              <th scope="col" class="number">
                {a.views}
              </th>
              <th scope="col" class="number">
                {a.visitorsPerDay}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{row.day}</th>
                <td class="number">{row.views}</td>
                <td class="number">{row.visitors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <div class="ranked-grid">
        <RankedTable caption={a.topPages} column={a.page} a={a} items={props.topPages} />
        <RankedTable caption={a.topReferrers} column={a.source} a={a} items={props.referrers} />
        <RankedTable caption={a.countries} column={a.country} a={a} items={props.countries} />
        <RankedTable caption={a.devices} column={a.device} a={a} items={props.devices} />
      </div>
      <p>
        <a href={props.csvHref} download>
          {a.downloadCsv}
        </a>
      </p>
    </section>
  )
}
