import { eq, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { webauthnChallenges } from '../../db/schema'
import { bytesToBase64Url } from '../../lib/encoding'

export const CHALLENGE_TTL_MS = 5 * 60_000

export type ChallengePurpose = 'register' | 'sign_in'

/**
 * A fresh random challenge (32 bytes), kept server-side for 5 minutes as the base64url text the
 * browser's client data gives back.
 */
export async function issueChallenge(
  db: Db,
  purpose: ChallengePurpose,
  userId: number | null,
  now = Date.now(),
) {
  const bytes = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(32)))
  // Anyone may ask for a sign-in challenge: expired ones go as new ones come, so the table holds
  // at most five minutes' worth whatever the rate (the hourly cron sweeps the rest).
  await db.batch([
    db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date(now))),
    db.insert(webauthnChallenges).values({
      challenge: bytesToBase64Url(bytes),
      purpose,
      userId,
      expiresAt: new Date(now + CHALLENGE_TTL_MS),
    }),
  ])
  return bytes
}

/**
 * Whether `challenge` was issued for this purpose (and editor) and is still live; it is gone
 * afterwards either way. One DELETE … RETURNING, so two answers to one challenge cannot both win.
 */
export async function consumeChallenge(
  db: Db,
  challenge: string,
  purpose: ChallengePurpose,
  userId: number | null,
  now = Date.now(),
): Promise<boolean> {
  const deleted = await db
    .delete(webauthnChallenges)
    .where(eq(webauthnChallenges.challenge, challenge))
    .returning()
  const row = deleted[0]
  return (
    row !== undefined &&
    row.purpose === purpose &&
    row.userId === userId &&
    row.expiresAt.getTime() > now
  )
}

/** For the hourly cron: challenges nobody answered. */
export async function deleteExpiredChallenges(db: Db, now = Date.now()) {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date(now)))
}
