import { jsonChunks } from '../../db/json-rows'
import type { CountRow } from './shard-batch'
import { flushDone, forgetFlushedBatches, readOutbox, takeOutbox } from './shard-store'

/** Rows per statement: a flush is normally one statement of counts, however busy the minute was. */
const ROWS_PER_STATEMENT = 10_000

/**
 * One D1 batch (one transaction) that adds a flush's totals and records its number. Every count
 * statement is void if this shard's recorded number is already `seq` or more, so a flush whose
 * answer was lost and that is sent again changes nothing.
 */
export function flushStatements(
  d1: D1Database,
  shard: string,
  seq: number,
  rows: CountRow[],
  countedUpTo: number,
): D1PreparedStatement[] {
  const counts = jsonChunks(rows, ROWS_PER_STATEMENT).map((json) =>
    d1
      .prepare(
        `INSERT INTO audience_daily_counts (day, metric, key, count)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?1)
        WHERE NOT EXISTS (SELECT 1 FROM audience_shard_flushes WHERE shard = ?2 AND seq >= ?3)
        ON CONFLICT (day, metric, key) DO UPDATE SET count = audience_daily_counts.count + excluded.count`,
      )
      .bind(json, shard, seq),
  )
  const applied = d1
    .prepare(
      `INSERT INTO audience_shard_flushes (shard, seq, flushed_at) VALUES (?1, ?2, ?3)
      ON CONFLICT (shard) DO UPDATE SET seq = excluded.seq, flushed_at = excluded.flushed_at
      WHERE excluded.seq > audience_shard_flushes.seq`,
    )
    .bind(shard, seq, countedUpTo)
  return [...counts, applied]
}

export type FlushResult = { seq: number | null; statements: number }

/**
 * Sends the shard's pending flush to D1: the one a failed attempt left in the outbox, as it was,
 * or else a new one made of everything received since. The outbox is emptied only once D1 has
 * answered; whatever happens in between, the next attempt sends the same flush again.
 */
export async function flushShard(
  storage: DurableObjectStorage,
  shard: string,
  d1: D1Database,
  now = Date.now(),
): Promise<FlushResult> {
  const outbox =
    readOutbox(storage.sql) ?? storage.transactionSync(() => takeOutbox(storage.sql, now))
  if (!outbox) {
    storage.transactionSync(() => forgetFlushedBatches(storage.sql, now))
    return { seq: null, statements: 0 }
  }
  const statements = flushStatements(d1, shard, outbox.seq, outbox.rows, outbox.at)
  await d1.batch(statements)
  storage.transactionSync(() => flushDone(storage.sql, outbox.seq, now))
  return { seq: outbox.seq, statements: statements.length }
}
