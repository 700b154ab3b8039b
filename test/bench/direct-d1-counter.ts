/**
 * For the record only: the counter as it wrote before the shards, every isolate straight to D1,
 * one instance per simulated isolate (it kept this state at module level, one per isolate). Each
 * isolate writes what gathered every 100 ms: counts as upserts of 25 rows per statement, every
 * new visitor of the day as a row in `audience_daily_visitors`. Counts the statements it sends.
 */
import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { createDb, type Db } from '../../src/db/client'
import { chunk, rowsPerStatement } from '../../src/db/d1-limits'
import { audienceDailyCounts, audienceDailyVisitors } from '../../src/db/schema'
import type { CountedView, Metric } from '../../src/features/audience/queries'

const COALESCE_MS = 100
const MAX_ROWS_PER_WRITE = 2000

type Pending = {
  counts: Map<string, { day: string; metric: Metric; key: string; count: number }>
  visitors: Map<string, { day: string; visitorHash: string }>
}
const emptyPending = (): Pending => ({ counts: new Map(), visitors: new Map() })

export class DirectD1Counter {
  private pending = emptyPending()
  private writer: Promise<void> | null = null
  private readonly db: Db
  statements = 0

  constructor(d1: D1Database) {
    this.db = createDb(d1)
  }

  record(view: CountedView): Promise<void> {
    for (const { metric, key } of view.counts) {
      const id = `${view.day}\u0000${metric}\u0000${key}`
      const row = this.pending.counts.get(id)
      if (row) row.count++
      else this.pending.counts.set(id, { day: view.day, metric, key, count: 1 })
    }
    if (view.visitorHash)
      this.pending.visitors.set(`${view.day}\u0000${view.visitorHash}`, {
        day: view.day,
        visitorHash: view.visitorHash,
      })
    this.writer ??= this.write().finally(() => (this.writer = null))
    return this.writer
  }

  async drain() {
    while (this.writer) await this.writer
  }

  private async write() {
    while (this.pending.counts.size > 0 || this.pending.visitors.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, COALESCE_MS))
      await this.writeCounts(this.take())
    }
  }

  private take(): Pending {
    const taken = emptyPending()
    for (const [id, row] of this.pending.counts) {
      if (taken.counts.size >= MAX_ROWS_PER_WRITE) break
      taken.counts.set(id, row)
      this.pending.counts.delete(id)
    }
    for (const [id, row] of this.pending.visitors) {
      if (taken.visitors.size >= MAX_ROWS_PER_WRITE) break
      taken.visitors.set(id, row)
      this.pending.visitors.delete(id)
    }
    return taken
  }

  private async writeCounts(batch: Pending) {
    const db = this.db
    const statements: BatchItem<'sqlite'>[] = []
    for (const rows of chunk([...batch.counts.values()], rowsPerStatement(4)))
      statements.push(
        db
          .insert(audienceDailyCounts)
          .values(rows)
          .onConflictDoUpdate({
            target: [audienceDailyCounts.day, audienceDailyCounts.metric, audienceDailyCounts.key],
            set: { count: sql`${audienceDailyCounts.count} + excluded.count` },
          }),
      )
    for (const rows of chunk([...batch.visitors.values()], rowsPerStatement(2)))
      statements.push(db.insert(audienceDailyVisitors).values(rows).onConflictDoNothing())
    if (statements.length === 0) return
    this.statements += statements.length
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  }
}
