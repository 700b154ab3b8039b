import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { recoveryLinks, users } from '../../db/schema'
import { linkTokenHash, newLinkToken } from './link-token'

/** A link sent by email is good for an hour; one the owner or the CLI hands over, for a day. */
export const RECOVERY_MAILED_TTL_MS = 3_600_000
export const RECOVERY_HANDED_TTL_MS = 24 * 3_600_000
/** Links the "forgot" form sends one account in an hour: nobody can flood an inbox with them. */
export const RECOVERY_MAILS_PER_HOUR = 3

export type RecoveryState = 'valid' | 'used' | 'expired'

/** A recovery link for the owner or the command line to hand over. */
export async function createRecoveryLink(
  db: Db,
  userId: number,
  ttlMs = RECOVERY_HANDED_TTL_MS,
  now = Date.now(),
) {
  const { token, tokenHash } = await newLinkToken()
  await db.insert(recoveryLinks).values({
    tokenHash,
    userId,
    createdAt: new Date(now),
    expiresAt: new Date(now + ttlMs),
  })
  return token
}

/**
 * A link to email, unless this account was sent RECOVERY_MAILS_PER_HOUR already: counted and
 * inserted in one statement, so simultaneous requests cannot all pass the count.
 */
export async function claimMailedRecoveryLink(db: Db, userId: number, now = Date.now()) {
  const { token, tokenHash } = await newLinkToken()
  const inserted = await db.all<{ id: number }>(
    sql`INSERT INTO recovery_links (token_hash, user_id, created_at, expires_at) SELECT ${tokenHash}, ${userId}, ${now}, ${now + RECOVERY_MAILED_TTL_MS} WHERE (SELECT count(*) FROM recovery_links WHERE user_id = ${userId} AND created_at > ${now - 3_600_000}) < ${RECOVERY_MAILS_PER_HOUR} RETURNING id`,
  )
  return inserted.length > 0 ? token : null
}

/** The link and its account, if the token names one. */
export async function findRecoveryLink(db: Db, token: string) {
  const [row] = await db
    .select({ link: recoveryLinks, user: users })
    .from(recoveryLinks)
    .innerJoin(users, eq(users.id, recoveryLinks.userId))
    .where(eq(recoveryLinks.tokenHash, await linkTokenHash(token)))
    .limit(1)
  return row ?? null
}

export function recoveryState(link: { usedAt: Date | null; expiresAt: Date }, now = Date.now()) {
  if (link.usedAt) return 'used' satisfies RecoveryState
  return link.expiresAt.getTime() <= now ? ('expired' as const) : ('valid' as const)
}

/** Marks the link used, once: the account's id if it was still valid, else null. */
export async function useRecoveryLink(db: Db, token: string, now = Date.now()) {
  const [used] = await db
    .update(recoveryLinks)
    .set({ usedAt: new Date(now) })
    .where(
      and(
        eq(recoveryLinks.tokenHash, await linkTokenHash(token)),
        isNull(recoveryLinks.usedAt),
        gt(recoveryLinks.expiresAt, new Date(now)),
      ),
    )
    .returning({ userId: recoveryLinks.userId })
  return used?.userId ?? null
}
