import type { CountedView, Metric } from './queries'

/** One day's total for one metric and key: `[day, metric, key, count]`. */
export type CountRow = [day: string, metric: Metric, key: string, count: number]

/** What an isolate sends a shard at once: the views of a few milliseconds, added up. */
export type ShardBatch = {
  /** Unique per batch: a batch sent again after an error is recognised and not counted twice. */
  id: string
  counts: CountRow[]
  /** The visitors of these views, `[day, hash]`: the shard decides which are new that day. */
  visitors: [day: string, hash: string][]
}

const rowId = (day: string, metric: string, key: string) => `${day}\u0000${metric}\u0000${key}`

/** Adds `count` to the row of (day, metric, key), creating it. */
export function addCount(
  rows: Map<string, CountRow>,
  day: string,
  metric: Metric,
  key: string,
  count: number,
) {
  const id = rowId(day, metric, key)
  const row = rows.get(id)
  if (row) row[3] += count
  else rows.set(id, [day, metric, key, count])
}

/** The views gathered in an isolate for one shard, until they are sent. */
export class OpenBatch {
  private readonly counts = new Map<string, CountRow>()
  private readonly visitors = new Map<string, [string, string]>()
  /** Views per day, so views that could not be recorded can be reported by day. */
  readonly viewsByDay = new Map<string, number>()
  views = 0

  add(view: CountedView) {
    for (const { metric, key } of view.counts) addCount(this.counts, view.day, metric, key, 1)
    if (view.visitorHash)
      this.visitors.set(`${view.day}\u0000${view.visitorHash}`, [view.day, view.visitorHash])
    this.viewsByDay.set(view.day, (this.viewsByDay.get(view.day) ?? 0) + 1)
    this.views++
  }

  seal(): ShardBatch {
    return {
      id: crypto.randomUUID(),
      counts: [...this.counts.values()],
      visitors: [...this.visitors.values()],
    }
  }
}
