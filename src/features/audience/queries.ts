import { and, asc, count, desc, eq, gte, inArray, lt, lte, max, sql, sum } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../db/client'
import { queryInChunks } from '../../db/d1-limits'
import {
  audienceDailyCounts,
  audienceDailyVisitors,
  audienceSalts,
  audienceShardFlushes,
} from '../../db/schema'
import { bytesToBase64Url } from '../../lib/encoding'

/**
 * `visitors` is a day's unique visitors, added by the shards as they meet new ones; `unrecorded`
 * the views that could not be handed to a shard (only ever written when that happens).
 */
export type Metric =
  'page' | 'more' | 'referrer' | 'country' | 'device' | 'bot' | 'visitors' | 'unrecorded'

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

const readSalt = async (db: Db, day: string) =>
  (await db.select().from(audienceSalts).where(eq(audienceSalts.day, day)))[0]

/** The day's salt, created by whichever request needs it first; the other isolates only read it. */
export async function saltForDay(db: Db, day: string): Promise<string> {
  const cached = saltCache.get(day)
  if (cached) return cached
  let row = await readSalt(db, day)
  if (!row) {
    await db
      .insert(audienceSalts)
      .values({ day, salt: bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32))) })
      .onConflictDoNothing()
    row = await readSalt(db, day)
  }
  saltCache.clear()
  saltCache.set(day, row.salt)
  return row.salt
}

/**
 * Closes every day before `today` in D1: its salt is deleted, so nothing links a reader across
 * days. The shards keep their own hashes and forget them in `closeShardDays`; hashes kept in D1
 * (by the counter before the shards) are added to their day's unique visitors, then deleted.
 * Returns the days whose hashes were closed.
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
        set: { count: sql`${audienceDailyCounts.count} + ${visitors}` },
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

/**
 * Views and unique visitors for each day of the range: the shards' flushed figures, plus the
 * hashes still kept in D1 for a day not yet closed (counted by the counter before the shards).
 */
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
  for (const today of live) row(today.day).visitors += today.visitors
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

/** When the newest flush was taken: the dashboard's figures include every view counted before. */
export async function countedUpTo(db: Db): Promise<number | null> {
  const [row] = await db
    .select({ at: max(audienceShardFlushes.flushedAt) })
    .from(audienceShardFlushes)
  return row?.at ?? null
}
