import { and, eq, lt, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { subscriberErasures, subscribers, type Language } from '../../db/schema'
import { randomToken } from '../../lib/tokens'
import { CONSENT_VERSION, consentText } from './messages'

/** Pending confirmations are removed after 7 days. */
export const PENDING_DAYS = 7

/**
 * A subscribe request, in one statement: a new address becomes pending; a pending or
 * unsubscribed one is pending again (a new link); a confirmed one stays confirmed, untouched.
 */
export async function upsertPending(db: Db, email: string, language: Language, now: number) {
  const [row] = await db
    .insert(subscribers)
    .values({
      email,
      language,
      state: 'pending',
      token: randomToken(),
      createdAt: new Date(now),
      confirmSentAt: new Date(now),
    })
    .onConflictDoUpdate({
      target: subscribers.email,
      set: {
        state: sql`CASE WHEN state = 'confirmed' THEN 'confirmed' ELSE 'pending' END`,
        language: sql`CASE WHEN state = 'confirmed' THEN language ELSE excluded.language END`,
        confirmSentAt: sql`CASE WHEN state = 'confirmed' THEN confirm_sent_at ELSE excluded.confirm_sent_at END`,
        unsubscribedAt: sql`CASE WHEN state = 'confirmed' THEN unsubscribed_at ELSE NULL END`,
      },
    })
    .returning({
      id: subscribers.id,
      state: subscribers.state,
      token: subscribers.token,
      language: subscribers.language,
    })
  return row
}

export async function findSubscriber(db: Db, id: number) {
  const [row] = await db.select().from(subscribers).where(eq(subscribers.id, id)).limit(1)
  return row ?? null
}

/** Confirms a pending subscriber, recording when and the consent wording they were shown. */
export async function confirmSubscriber(db: Db, id: number, now: number) {
  const row = await findSubscriber(db, id)
  if (!row) return
  await db
    .update(subscribers)
    .set({
      state: 'confirmed',
      confirmedAt: new Date(now),
      consentSource: 'form',
      consentVersion: CONSENT_VERSION,
      consentText: consentText(row.language),
    })
    .where(and(eq(subscribers.id, id), eq(subscribers.state, 'pending')))
}

/** Unsubscribes at once; says nothing of whether the token was known. */
export async function unsubscribe(db: Db, token: string, now: number) {
  await db
    .update(subscribers)
    .set({ state: 'unsubscribed', unsubscribedAt: new Date(now) })
    .where(and(eq(subscribers.token, token), ne(subscribers.state, 'unsubscribed')))
}

/** Erasure: the row is deleted; one more in the day's anonymous count is all that is kept. */
export async function eraseSubscriber(db: Db, id: number, now: number) {
  const day = new Date(now).toISOString().slice(0, 10)
  await db.batch([
    db
      .insert(subscriberErasures)
      .select(
        db
          .select({ day: sql`${day}`.as('day'), count: sql`count(*)`.as('count') })
          .from(subscribers)
          .where(eq(subscribers.id, id)),
      )
      .onConflictDoUpdate({
        target: subscriberErasures.day,
        set: { count: sql`${subscriberErasures.count} + excluded.count` },
      }),
    db.delete(subscribers).where(eq(subscribers.id, id)),
  ])
}

/** Removes pending confirmations older than PENDING_DAYS (the hourly housekeeping). */
export async function deleteExpiredPending(db: Db, now: number): Promise<number> {
  const rows = await db
    .delete(subscribers)
    .where(
      and(
        eq(subscribers.state, 'pending'),
        lt(subscribers.confirmSentAt, new Date(now - PENDING_DAYS * 86_400_000)),
      ),
    )
    .returning({ id: subscribers.id })
  return rows.length
}
