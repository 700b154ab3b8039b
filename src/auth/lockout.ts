import { and, count, eq, gte, inArray, lt, min } from 'drizzle-orm'
import type { Db } from '../db/client'
import { loginFailures } from '../db/schema'

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

export async function recordLoginFailure(db: Db, keys: string[], now = Date.now()) {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, failedAt: new Date(now) })))
}

export async function clearLoginFailures(db: Db, keys: string[]) {
  await db.delete(loginFailures).where(inArray(loginFailures.key, keys))
}

export async function deleteOldLoginFailures(db: Db, now = Date.now()) {
  await db.delete(loginFailures).where(lt(loginFailures.failedAt, new Date(now - LOGIN_WINDOW_MS)))
}
