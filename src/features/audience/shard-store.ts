import { addCount, type CountRow, type ShardBatch } from './shard-batch'

/**
 * A shard's own SQLite storage. `received`: each batch as it came, under its id (a batch sent
 * twice is stored once), numbered in arrival order. `visitors`: the hashes seen each day, to tell
 * a new visitor from one seen earlier; deleted when the day closes. `outbox`: the totals of the
 * flush under way, kept until D1 has them. `meta`: the last flush's number, how far the received
 * batches were taken, the first day still open.
 */
export function createTables(sql: SqlStorage) {
  sql.exec(`CREATE TABLE IF NOT EXISTS received (
    id TEXT PRIMARY KEY, n INTEGER NOT NULL, at INTEGER NOT NULL, rows TEXT NOT NULL
  ) WITHOUT ROWID`)
  sql.exec(`CREATE TABLE IF NOT EXISTS visitors (
    day TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (day, hash)
  ) WITHOUT ROWID`)
  sql.exec(`CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, rows TEXT NOT NULL
  )`)
  sql.exec(`CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID`)
}

type MetaName = 'last_seq' | 'taken_n' | 'closed_before'

function readMeta<T extends number | string>(sql: SqlStorage, name: MetaName, fallback: T): T {
  const [row] = sql.exec<{ value: T }>('SELECT value FROM meta WHERE name = ?', name).toArray()
  return row?.value ?? fallback
}

function writeMeta(sql: SqlStorage, name: MetaName, value: number | string) {
  sql.exec(
    'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    name,
    value,
  )
}

/** The number of the last batch received, to go on numbering after a restart. */
export function lastReceivedNumber(sql: SqlStorage): number {
  const [row] = sql.exec<{ n: number | null }>('SELECT max(n) AS n FROM received').toArray()
  return Math.max(row?.n ?? 0, readMeta<number>(sql, 'taken_n', 0))
}

/**
 * Stores a batch, numbered `n`, unless a batch with its id was stored before. Its visitors not
 * seen yet that day become that day's new unique visitors; visitors of a day already closed are
 * no longer told apart (their hashes are gone), so they add views but no visitor. Returns the
 * rows SQLite wrote (what storage is billed by), 0 for a batch already stored.
 */
export function recordBatch(
  sql: SqlStorage,
  batch: ShardBatch,
  n: number,
  now: number,
  closedBefore = firstOpenDay(sql),
): number {
  if (sql.exec('SELECT 1 FROM received WHERE id = ?', batch.id).toArray().length > 0) return 0
  const rows = new Map<string, CountRow>()
  for (const [day, metric, key, count] of batch.counts) addCount(rows, day, metric, key, count)
  let written = 0
  for (const [day, hash] of batch.visitors) {
    if (day < closedBefore) continue
    const cursor = sql.exec(
      'INSERT INTO visitors (day, hash) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1',
      day,
      hash,
    )
    if (cursor.toArray().length > 0) addCount(rows, day, 'visitors', '', 1)
    written += cursor.rowsWritten
  }
  const insert = sql.exec(
    'INSERT INTO received (id, n, at, rows) VALUES (?, ?, ?, ?)',
    batch.id,
    n,
    now,
    JSON.stringify([...rows.values()]),
  )
  return written + insert.rowsWritten
}

export type Outbox = { seq: number; at: number; rows: CountRow[] }

/** The flush that was under way when the last attempt failed, to be sent again as it was. */
export function readOutbox(sql: SqlStorage): Outbox | null {
  const [row] = sql
    .exec<{ seq: number; at: number; rows: string }>(
      'SELECT seq, at, rows FROM outbox ORDER BY seq LIMIT 1',
    )
    .toArray()
  return row ? { seq: row.seq, at: row.at, rows: JSON.parse(row.rows) } : null
}

/**
 * Adds up every batch received since the last flush into the next flush, numbered after the
 * last one, and keeps it in the outbox. Null when nothing came in. Run inside one transaction.
 */
export function takeOutbox(sql: SqlStorage, now: number): Outbox | null {
  const takenN = readMeta<number>(sql, 'taken_n', 0)
  const totals = new Map<string, CountRow>()
  let lastN = takenN
  for (const row of sql.exec<{ n: number; rows: string }>(
    'SELECT n, rows FROM received WHERE n > ?',
    takenN,
  )) {
    for (const [day, metric, key, count] of JSON.parse(row.rows) as CountRow[])
      addCount(totals, day, metric, key, count)
    lastN = Math.max(lastN, row.n)
  }
  if (lastN === takenN) return null
  const outbox = {
    seq: readMeta<number>(sql, 'last_seq', 0) + 1,
    at: now,
    rows: [...totals.values()],
  }
  sql.exec(
    'INSERT INTO outbox (seq, at, rows) VALUES (?, ?, ?)',
    outbox.seq,
    outbox.at,
    JSON.stringify(outbox.rows),
  )
  writeMeta(sql, 'last_seq', outbox.seq)
  writeMeta(sql, 'taken_n', lastN)
  return outbox
}

/** How long a received batch's id is remembered: far longer than an isolate retries it. */
const REMEMBER_BATCH_MS = 120_000

/** After D1 has the flush: the outbox goes, and so do batches flushed long enough ago. */
export function flushDone(sql: SqlStorage, seq: number, now: number) {
  sql.exec('DELETE FROM outbox WHERE seq = ?', seq)
  forgetFlushedBatches(sql, now)
}

/** Batches flushed over REMEMBER_BATCH_MS ago: no isolate will send them again. */
export function forgetFlushedBatches(sql: SqlStorage, now: number) {
  sql.exec(
    'DELETE FROM received WHERE n <= ? AND at < ?',
    readMeta<number>(sql, 'taken_n', 0),
    now - REMEMBER_BATCH_MS,
  )
}

/** Something not yet in D1: received since the last flush, or a flush to send again. */
export function hasUnflushed(sql: SqlStorage): boolean {
  const takenN = readMeta<number>(sql, 'taken_n', 0)
  return (
    sql.exec('SELECT 1 FROM received WHERE n > ? LIMIT 1', takenN).toArray().length > 0 ||
    sql.exec('SELECT 1 FROM outbox LIMIT 1').toArray().length > 0
  )
}

export function hasVisitors(sql: SqlStorage): boolean {
  return sql.exec('SELECT 1 FROM visitors LIMIT 1').toArray().length > 0
}

/** Visitors of days before this one are no longer told apart: their hashes are gone. */
export const firstOpenDay = (sql: SqlStorage) => readMeta<string>(sql, 'closed_before', '')

/** Forgets the visitor hashes of every day before `firstOpenDay`. Returns how many were deleted. */
export function closeDaysBefore(sql: SqlStorage, firstOpenDay: string): number {
  const deleted = sql.exec('DELETE FROM visitors WHERE day < ?', firstOpenDay).rowsWritten
  if (firstOpenDay > readMeta<string>(sql, 'closed_before', ''))
    writeMeta(sql, 'closed_before', firstOpenDay)
  return deleted
}
