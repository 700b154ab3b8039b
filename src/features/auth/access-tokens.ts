import { and, asc, eq, gt, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { accessTokens, type AccessScope } from '../../db/schema'
import { randomToken, sha256Hex } from '../../lib/tokens'

/** Recognisable in a config file or a leaked log, and never taken for an OAuth token. */
export const ACCESS_TOKEN_PREFIX = 'eb_pat_'

export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const

const DAY_MS = 86_400_000

export function isAccessToken(token: string) {
  return token.startsWith(ACCESS_TOKEN_PREFIX)
}

/** A new token: returned once, in clear; only its hash is stored. */
export async function createAccessToken(
  db: Db,
  values: { userId: number; name: string; scope: AccessScope; days: number },
  now = Date.now(),
) {
  const token = `${ACCESS_TOKEN_PREFIX}${randomToken()}`
  const [row] = await db
    .insert(accessTokens)
    .values({
      userId: values.userId,
      name: values.name,
      scope: values.scope,
      tokenHash: await sha256Hex(token),
      createdAt: new Date(now),
      expiresAt: new Date(now + values.days * DAY_MS),
    })
    .returning()
  return { token, row }
}

/** The editor's tokens still valid, oldest first; expired ones are not worth showing. */
export function listAccessTokens(db: Db, userId: number, now = Date.now()) {
  return db
    .select({
      id: accessTokens.id,
      name: accessTokens.name,
      scope: accessTokens.scope,
      createdAt: accessTokens.createdAt,
      expiresAt: accessTokens.expiresAt,
      lastUsedAt: accessTokens.lastUsedAt,
    })
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), gt(accessTokens.expiresAt, new Date(now))))
    .orderBy(asc(accessTokens.id))
}

/** Deletes one of the editor's tokens; its name, or null when it was not theirs. */
export async function revokeAccessToken(db: Db, userId: number, id: number) {
  const [row] = await db
    .delete(accessTokens)
    .where(and(eq(accessTokens.id, id), eq(accessTokens.userId, userId)))
    .returning({ name: accessTokens.name })
  return row?.name ?? null
}

/**
 * The token presented, if it exists and has not expired, its use recorded in the same statement.
 */
export async function useAccessToken(db: Db, token: string, now = Date.now()) {
  const [row] = await db
    .update(accessTokens)
    .set({ lastUsedAt: new Date(now) })
    .where(
      and(
        eq(accessTokens.tokenHash, await sha256Hex(token)),
        gt(accessTokens.expiresAt, new Date(now)),
      ),
    )
    .returning({
      id: accessTokens.id,
      userId: accessTokens.userId,
      name: accessTokens.name,
      scope: accessTokens.scope,
    })
  return row ?? null
}

/** For the hourly cron: expired tokens can no longer be used or shown. */
export async function deleteExpiredAccessTokens(db: Db, now = Date.now()) {
  const result = await db.delete(accessTokens).where(lt(accessTokens.expiresAt, new Date(now)))
  return result.meta.changes
}
