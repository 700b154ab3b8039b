import { and, count, eq, gte, inArray, lt, min, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { loginFailures } from '../../db/schema'

export const LOGIN_WINDOW_MS = 15 * 60_000
export const MAX_LOGIN_FAILURES = 5

/**
 * When the most-failed key may try again, or null if none of `keys` has reached the limit.
 * Counted exactly in D1, so every Worker instance sees the same number.
 */
export async function loginBlockedUntil(
  db: Db,
  keys: string[],
  now = Date.now(),
): Promise<number | null> {
  let blockedUntil: number | null = null
  for (const key of keys) {
    const [row] = await db
      .select({ failures: count(), oldest: min(loginFailures.failedAt) })
      .from(loginFailures)
      .where(
        and(
          eq(loginFailures.key, key),
          gte(loginFailures.failedAt, new Date(now - LOGIN_WINDOW_MS)),
        ),
      )
    if (row.failures >= MAX_LOGIN_FAILURES && row.oldest) {
      const until = row.oldest.getTime() + LOGIN_WINDOW_MS
      blockedUntil = Math.max(blockedUntil ?? 0, until)
    }
  }
  return blockedUntil
}

/**
 * Counts this attempt against every key before the password is checked, in one D1 statement:
 * the row per key is written only while each key has fewer than MAX_LOGIN_FAILURES in the
 * window, and D1 runs statements one at a time, so however many guesses arrive together at
 * most MAX_LOGIN_FAILURES per key are ever checked. Returns the rows written (to forget if the
 * password is right), or null when a key is at its limit.
 */
export async function claimLoginAttempt(
  db: Db,
  keys: string[],
  now = Date.now(),
): Promise<number[] | null> {
  const since = now - LOGIN_WINDOW_MS
  const underLimit = keys.map(
    (key) =>
      sql`(SELECT count(*) FROM login_failures WHERE key = ${key} AND failed_at >= ${since}) < ${MAX_LOGIN_FAILURES}`,
  )
  const rows = await db
    .insert(loginFailures)
    .select(
      sql`SELECT NULL, attempt.column1, ${now} FROM (VALUES ${sql.join(
        keys.map((key) => sql`(${key})`),
        sql`, `,
      )}) AS attempt WHERE ${sql.join(underLimit, sql` AND `)}`,
    )
    .returning({ id: loginFailures.id })
  return rows.length > 0 ? rows.map((row) => row.id) : null
}

/** After a right password: the account's failures are forgotten, and so is this attempt. */
export async function forgetLoginFailures(db: Db, accountKey: string, attemptIds: number[]) {
  await db
    .delete(loginFailures)
    .where(or(eq(loginFailures.key, accountKey), inArray(loginFailures.id, attemptIds)))
}

export async function deleteOldLoginFailures(db: Db, now = Date.now()) {
  await db.delete(loginFailures).where(lt(loginFailures.failedAt, new Date(now - LOGIN_WINDOW_MS)))
}
