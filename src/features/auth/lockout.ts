import { inArray, lte, or, eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { loginFailures } from '../../db/schema'

/** A client's failures count for a day, so its delays keep growing rather than start over. */
export const CLIENT_WINDOW_MS = 24 * 3_600_000
/** Failures one client may make on one account (or one known device) before it has to wait. */
export const FREE_FAILURES = 5
/** The wait after the free failures, doubled by each further failure, up to the longest. */
export const FIRST_DELAY_MS = 60_000
export const LONGEST_DELAY_MS = 30 * 60_000
/**
 * Failures in an hour, from clients the account does not know, that lock it for all of them; and
 * failures in an hour from one network address, across accounts, that lock that address out of
 * accounts it is not known to (guessing one password on many accounts).
 */
export const LOCK_FAILURES = 100
export const LOCK_WINDOW_MS = 3_600_000

/**
 * The keys an attempt is counted under. `client` is one client on one account, or one known
 * device: growing delays, so one person's typos never hold up anyone else. `locks` (the account,
 * the network address) sum the failures of many clients; a known device has none, since only
 * its own failures may hold it up.
 */
export type AttemptKeys = { client: string; locks: string[] }

// The doubling is a shift, capped so it cannot overflow.
const MAX_SHIFT = 20

/** When `key` (one client) may try again: now if it is under its free failures. */
function clientFreeAt(key: string, now: number): SQL {
  return sql`(SELECT CASE WHEN count(*) < ${FREE_FAILURES} THEN 0 ELSE max(failed_at) + min(${FIRST_DELAY_MS} << min(count(*) - ${FREE_FAILURES}, ${MAX_SHIFT}), ${LONGEST_DELAY_MS}) END FROM login_failures WHERE key = ${key} AND failed_at > ${now - CLIENT_WINDOW_MS})`
}

/** When `key` (an account, an address) has fewer than LOCK_FAILURES left in its window. */
function lockFreeAt(key: string, now: number): SQL {
  return sql`coalesce((SELECT failed_at + ${LOCK_WINDOW_MS} FROM login_failures WHERE key = ${key} AND failed_at > ${now - LOCK_WINDOW_MS} ORDER BY failed_at DESC LIMIT 1 OFFSET ${LOCK_FAILURES - 1}), 0)`
}

/** When an attempt under `keys` may be checked: the latest of its keys'. */
function freeAt(keys: AttemptKeys, now: number): SQL {
  const client = clientFreeAt(keys.client, now)
  if (keys.locks.length === 0) return client
  return sql`max(${sql.join([client, ...keys.locks.map((key) => lockFreeAt(key, now))], sql`, `)})`
}

function keyList(keys: AttemptKeys) {
  return [keys.client, ...keys.locks]
}

/** When an attempt under `keys` may be checked again (at or before `now` if it may now). */
export async function loginBlockedUntil(db: Db, keys: AttemptKeys, now = Date.now()) {
  const [row] = await db.all<{ until: number }>(sql`SELECT ${freeAt(keys, now)} AS until`)
  return row.until
}

/**
 * Counts this attempt as a failure under every key before the password is checked, in one D1
 * statement: the rows are written only if the keys are free at `now`, and D1 runs statements one
 * at a time, so however many guesses arrive together, a client gets at most its free failures
 * checked, and an account or an address at most LOCK_FAILURES an hour from unknown clients.
 * Returns the rows written (to forget if the password is right), or null when it must wait.
 */
export async function claimLoginAttempt(
  db: Db,
  keys: AttemptKeys,
  now = Date.now(),
): Promise<number[] | null> {
  const rows = await db
    .insert(loginFailures)
    .select(
      sql`SELECT NULL, attempt.column1, ${now} FROM (VALUES ${sql.join(
        keyList(keys).map((key) => sql`(${key})`),
        sql`, `,
      )}) AS attempt WHERE ${freeAt(keys, now)} <= ${now}`,
    )
    .returning({ id: loginFailures.id })
  return rows.length > 0 ? rows.map((row) => row.id) : null
}

/**
 * After a right password: this client's failures are forgotten, and so is this attempt. The
 * account's and the address's counts stay: the owner signing in must not reopen the account to
 * someone guessing elsewhere.
 */
export async function forgetLoginFailures(db: Db, keys: AttemptKeys, attemptIds: number[]) {
  await db
    .delete(loginFailures)
    .where(or(eq(loginFailures.key, keys.client), inArray(loginFailures.id, attemptIds)))
}

/** For the hourly cron: no count reaches further back than a client's. */
export async function deleteOldLoginFailures(db: Db, now = Date.now()) {
  await db
    .delete(loginFailures)
    .where(lte(loginFailures.failedAt, new Date(now - CLIENT_WINDOW_MS)))
}
