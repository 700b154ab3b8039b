import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql, sum } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../db/client'
import { chunk, queryInChunks, rowsPerStatement } from '../../db/d1-limits'
import { audienceDailyCounts, audienceDailyVisitors, audienceSalts } from '../../db/schema'
import { bytesToBase64Url } from '../../lib/encoding'

export type Metric = 'page' | 'more' | 'referrer' | 'country' | 'device' | 'bot' | 'visitors'

export type CountedView = {
  day: string
  /** Keyed hash of the visitor for this day, or null for a bot. */
  visitorHash: string | null
  counts: { metric: Metric; key: string }[]
}

// Salts are read on every counted view; an isolate keeps the current one instead of asking D1.
const saltCache = new Map<string, string>()

/** The day's salt if this isolate already has it: most views need no D1 read for it. */
export const knownSalt = (day: string) => saltCache.get(day)

/** The day's salt, created by whichever request needs it first. */
export async function saltForDay(db: Db, day: string): Promise<string> {
  const cached = saltCache.get(day)
  if (cached) return cached
  await db
    .insert(audienceSalts)
    .values({ day, salt: bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32))) })
    .onConflictDoNothing()
  const [row] = await db.select().from(audienceSalts).where(eq(audienceSalts.day, day))
  saltCache.clear()
  saltCache.set(day, row.salt)
  return row.salt
}

type PendingCounts = {
  counts: Map<string, { day: string; metric: Metric; key: string; count: number }>
  visitors: Map<string, { day: string; visitorHash: string }>
}

const emptyPending = (): PendingCounts => ({ counts: new Map(), visitors: new Map() })
let pending = emptyPending()
let flushing = false

/** Adds what was pending, atomically: `count = count + n`, never a read followed by a write. */
async function writeCounts(db: Db, batch: PendingCounts) {
  const statements: BatchItem<'sqlite'>[] = []
  const counts = [...batch.counts.values()]
  const visitors = [...batch.visitors.values()]
  for (const rows of chunk(counts, rowsPerStatement(4))) {
    statements.push(
      db
        .insert(audienceDailyCounts)
        .values(rows)
        .onConflictDoUpdate({
          target: [audienceDailyCounts.day, audienceDailyCounts.metric, audienceDailyCounts.key],
          set: { count: sql`${audienceDailyCounts.count} + excluded.count` },
        }),
    )
  }
  for (const rows of chunk(visitors, rowsPerStatement(2))) {
    statements.push(db.insert(audienceDailyVisitors).values(rows).onConflictDoNothing())
  }
  if (statements.length > 0)
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}

const COALESCE_MS = 100
/** Past this, a busy writer stops pausing and only drains what is left (see recordView). */
const PAUSING_WRITER_MS = 10_000

// Rows per batch: each statement holds 25 counter rows (D1's 100 parameters), a batch many of them.
const MAX_ROWS_PER_WRITE = 2000

function takePending(): PendingCounts {
  if (pending.counts.size <= MAX_ROWS_PER_WRITE && pending.visitors.size <= MAX_ROWS_PER_WRITE) {
    const taken = pending
    pending = emptyPending()
    return taken
  }
  const taken = emptyPending()
  for (const [id, row] of pending.counts) {
    if (taken.counts.size >= MAX_ROWS_PER_WRITE) break
    taken.counts.set(id, row)
    pending.counts.delete(id)
  }
  for (const [id, row] of pending.visitors) {
    if (taken.visitors.size >= MAX_ROWS_PER_WRITE) break
    taken.visitors.set(id, row)
    pending.visitors.delete(id)
  }
  return taken
}

/**
 * Records a view. The first view while nothing is being written starts a writer, which writes
 * what has gathered every COALESCE_MS until nothing is left, so a busy isolate sends ten writes a
 * second instead of one per view. Returns what the caller must hand to `waitUntil`: the writer for
 * the request that starts it, null for the others (their view is in its next write). A writer
 * that has been busy for PAUSING_WRITER_MS writes back to back until it is done, so it ends well
 * within the time `waitUntil` gives it.
 */
export function recordView(db: Db, view: CountedView): Promise<void> | null {
  for (const { metric, key } of view.counts) {
    const id = `${view.day}\u0000${metric}\u0000${key}`
    const row = pending.counts.get(id)
    if (row) row.count++
    else pending.counts.set(id, { day: view.day, metric, key, count: 1 })
  }
  if (view.visitorHash) {
    pending.visitors.set(`${view.day}\u0000${view.visitorHash}`, {
      day: view.day,
      visitorHash: view.visitorHash,
    })
  }
  if (flushing) return null
  flushing = true
  return (async () => {
    const started = Date.now()
    try {
      while (pending.counts.size > 0 || pending.visitors.size > 0) {
        // A short pause lets the views of concurrent requests join the same write.
        if (Date.now() - started < PAUSING_WRITER_MS)
          await new Promise((resolve) => setTimeout(resolve, COALESCE_MS))
        await writeCounts(db, takePending())
      }
    } finally {
      flushing = false
    }
  })()
}

/**
 * Closes every day before `today`: its unique visitors become one number, then its hashes and its
 * salt are deleted, so nothing links a reader across days. Returns the days closed.
 */
export async function closePastDays(db: Db, today: string) {
  const days = await db
    .select({ day: audienceDailyVisitors.day, visitors: count() })
    .from(audienceDailyVisitors)
    .where(lt(audienceDailyVisitors.day, today))
    .groupBy(audienceDailyVisitors.day)
  const statements: BatchItem<'sqlite'>[] = days.map(({ day, visitors }) =>
    db
      .insert(audienceDailyCounts)
      .values({ day, metric: 'visitors', key: '', count: visitors })
      .onConflictDoUpdate({
        target: [audienceDailyCounts.day, audienceDailyCounts.metric, audienceDailyCounts.key],
        set: { count: visitors },
      }),
  )
  statements.push(db.delete(audienceDailyVisitors).where(lt(audienceDailyVisitors.day, today)))
  statements.push(db.delete(audienceSalts).where(lt(audienceSalts.day, today)))
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  for (const day of saltCache.keys()) if (day < today) saltCache.delete(day)
  return days.length
}

export async function deleteCountsBefore(db: Db, firstKeptDay: string) {
  const deleted = await db
    .delete(audienceDailyCounts)
    .where(lt(audienceDailyCounts.day, firstKeptDay))
    .returning({ day: audienceDailyCounts.day })
  return deleted.length
}

export type DailyRow = { day: string; views: number; visitors: number }

/** Views and unique visitors for each day of the range; today's visitors are counted live. */
export async function dailySeries(
  db: Db,
  from: string,
  to: string,
): Promise<Map<string, DailyRow>> {
  const [totals, live] = await db.batch([
    db
      .select({
        day: audienceDailyCounts.day,
        metric: audienceDailyCounts.metric,
        total: sum(audienceDailyCounts.count),
      })
      .from(audienceDailyCounts)
      .where(
        and(
          gte(audienceDailyCounts.day, from),
          lte(audienceDailyCounts.day, to),
          inArray(audienceDailyCounts.metric, ['page', 'visitors']),
        ),
      )
      .groupBy(audienceDailyCounts.day, audienceDailyCounts.metric),
    db
      .select({ day: audienceDailyVisitors.day, visitors: count() })
      .from(audienceDailyVisitors)
      .where(and(gte(audienceDailyVisitors.day, from), lte(audienceDailyVisitors.day, to)))
      .groupBy(audienceDailyVisitors.day),
  ])
  const series = new Map<string, DailyRow>()
  const row = (day: string) =>
    series.get(day) ?? series.set(day, { day, views: 0, visitors: 0 }).get(day)!
  for (const total of totals) {
    if (total.metric === 'page') row(total.day).views = Number(total.total)
    else row(total.day).visitors = Number(total.total)
  }
  for (const today of live) row(today.day).visitors = today.visitors
  return series
}

/** The largest keys of one metric over the range. */
export function topKeys(db: Db, metric: Metric, from: string, to: string, limit = 10) {
  const total = sum(audienceDailyCounts.count).mapWith(Number)
  return db
    .select({ key: audienceDailyCounts.key, count: total })
    .from(audienceDailyCounts)
    .where(
      and(
        eq(audienceDailyCounts.metric, metric),
        gte(audienceDailyCounts.day, from),
        lte(audienceDailyCounts.day, to),
      ),
    )
    .groupBy(audienceDailyCounts.key)
    .orderBy(desc(total), asc(audienceDailyCounts.key))
    .limit(limit)
}

/** Views per page path since `from`, for the given paths. */
export async function viewsByPath(db: Db, paths: string[], from: string) {
  const rows = await queryInChunks(paths, (slice) =>
    db
      .select({
        key: audienceDailyCounts.key,
        count: sum(audienceDailyCounts.count).mapWith(Number),
      })
      .from(audienceDailyCounts)
      .where(
        and(
          eq(audienceDailyCounts.metric, 'page'),
          gte(audienceDailyCounts.day, from),
          inArray(audienceDailyCounts.key, slice),
        ),
      )
      .groupBy(audienceDailyCounts.key),
  )
  return new Map(rows.map((row) => [row.key, row.count]))
}

/** Every stored daily row of the range, for the CSV export. */
export async function countsInRange(db: Db, from: string, to: string) {
  return db
    .select()
    .from(audienceDailyCounts)
    .where(and(gte(audienceDailyCounts.day, from), lte(audienceDailyCounts.day, to)))
    .orderBy(
      asc(audienceDailyCounts.day),
      asc(audienceDailyCounts.metric),
      asc(audienceDailyCounts.key),
    )
}
