import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql, sum } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from './client'
import { audienceDailyCounts, audienceDailyVisitors, audienceSalts } from './schema'
import { bytesToBase64Url } from '../lib/encoding'

export type Metric = 'page' | 'more' | 'referrer' | 'country' | 'device' | 'bot' | 'visitors'

export type CountedView = {
  day: string
  /** Keyed hash of the visitor for this day, or null for a bot. */
  visitorHash: string | null
  counts: { metric: Metric; key: string }[]
}

// Salts are read on every counted view; an isolate keeps the current one instead of asking D1.
const saltCache = new Map<string, string>()

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

/** One batch of atomic upserts: concurrent views each add exactly one, never read-modify-write. */
export async function recordView(db: Db, view: CountedView) {
  const statements: BatchItem<'sqlite'>[] = view.counts.map(({ metric, key }) =>
    db
      .insert(audienceDailyCounts)
      .values({ day: view.day, metric, key, count: 1 })
      .onConflictDoUpdate({
        target: [audienceDailyCounts.day, audienceDailyCounts.metric, audienceDailyCounts.key],
        set: { count: sql`${audienceDailyCounts.count} + 1` },
      }),
  )
  if (view.visitorHash) {
    statements.push(
      db
        .insert(audienceDailyVisitors)
        .values({ day: view.day, visitorHash: view.visitorHash })
        .onConflictDoNothing(),
    )
  }
  if (statements.length > 0)
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
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
export async function topKeys(db: Db, metric: Metric, from: string, to: string, limit = 10) {
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
  if (paths.length === 0) return new Map<string, number>()
  const rows = await db
    .select({ key: audienceDailyCounts.key, count: sum(audienceDailyCounts.count).mapWith(Number) })
    .from(audienceDailyCounts)
    .where(
      and(
        eq(audienceDailyCounts.metric, 'page'),
        gte(audienceDailyCounts.day, from),
        inArray(audienceDailyCounts.key, paths),
      ),
    )
    .groupBy(audienceDailyCounts.key)
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
