import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { mailDeliveries, postMailings, posts, subscribers } from '../../db/schema'

/** Messages claimed by one statement: well under D1's 100 bound parameters when read back. */
export const CLAIM_SIZE = 50
/** A claim not finished in this long (the Worker stopped mid-batch) is claimed again. */
export const STALE_CLAIM_MS = 15 * 60_000
/** A message that fails this many times is marked failed. */
export const MAX_ATTEMPTS = 3

export async function findMailing(db: Db, postId: number) {
  const [row] = await db
    .select({
      wanted: postMailings.wanted,
      fannedOutAt: postMailings.fannedOutAt,
      siteUrl: postMailings.siteUrl,
      local: postMailings.local,
      status: posts.status,
      publishedAt: posts.publishedAt,
      deletedAt: posts.deletedAt,
      kind: posts.kind,
      slug: posts.slug,
      title: posts.title,
      excerpt: posts.excerpt,
      html: posts.html,
      language: posts.language,
    })
    .from(postMailings)
    .innerJoin(posts, eq(posts.id, postMailings.postId))
    .where(eq(postMailings.postId, postId))
    .limit(1)
  return row ?? null
}

/**
 * Hands the post to its subscribers, once: the mailing is marked and a delivery row is written
 * for every confirmed subscriber, in one batch (one transaction), set-wise (INSERT … SELECT, one
 * bound parameter, whatever the number of subscribers). How many messages that makes; null if it
 * had been handed out already.
 */
export async function fanOut(db: Db, postId: number, now: number): Promise<number | null> {
  const [claimed, inserted] = await db.$client.batch([
    db.$client
      .prepare(
        `UPDATE post_mailings SET fanned_out_at = ?2
         WHERE post_id = ?1 AND fanned_out_at IS NULL AND wanted = 1 RETURNING post_id`,
      )
      .bind(postId, now),
    db.$client
      .prepare(
        `INSERT INTO mail_deliveries (post_id, subscriber_id, status)
         SELECT ?1, id, 'queued' FROM subscribers
         WHERE state = 'confirmed' AND EXISTS (
           SELECT 1 FROM post_mailings WHERE post_id = ?1 AND fanned_out_at = ?2
         )
         ON CONFLICT DO NOTHING`,
      )
      .bind(postId, now),
  ])
  return claimed.results.length > 0 ? (inserted.meta.changes ?? 0) : null
}

const utcDayStart = (now: number) => now - (now % 86_400_000)

/** Messages sent since the start of the day (UTC), for the daily cap. */
export async function sentToday(db: Db, now: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)` })
    .from(mailDeliveries)
    .where(sql`${mailDeliveries.sentAt} >= ${utcDayStart(now)}`)
  return row.count
}

/**
 * Claims the post's next messages, at most CLAIM_SIZE and no more than the day's cap leaves, in
 * one statement (so two consumers never claim the same row, and the cap holds across them).
 */
export async function claimDeliveries(db: Db, postId: number, dailyCap: number, now: number) {
  const { results } = await db.$client
    .prepare(
      `UPDATE mail_deliveries SET status = 'sending', claimed_at = ?2, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM mail_deliveries
         WHERE post_id = ?1 AND (status = 'queued' OR (status = 'sending' AND claimed_at < ?3))
         ORDER BY id
         LIMIT max(0, min(?4, ?5 - (SELECT count(*) FROM mail_deliveries WHERE sent_at >= ?6)))
       )
       RETURNING id, subscriber_id, attempts`,
    )
    .bind(postId, now, now - STALE_CLAIM_MS, CLAIM_SIZE, dailyCap, utcDayStart(now))
    .all<{ id: number; subscriber_id: number | null; attempts: number }>()
  return results
}

/** The claimed rows' subscribers (at most CLAIM_SIZE ids: one statement). */
export async function recipientsOf(db: Db, subscriberIds: number[]) {
  if (subscriberIds.length === 0) return []
  return db
    .select({
      id: subscribers.id,
      email: subscribers.email,
      token: subscribers.token,
      state: subscribers.state,
    })
    .from(subscribers)
    .where(inArray(subscribers.id, subscriberIds))
}

/** Sets the outcome of many deliveries: the ids travel as one JSON parameter. */
export async function settleDeliveries(
  db: Db,
  outcome: { sent: number[]; skipped: number[]; retry: number[]; failed: number[] },
  now: number,
) {
  const groups = [
    ['sent', outcome.sent],
    ['skipped', outcome.skipped],
    ['queued', outcome.retry],
    ['failed', outcome.failed],
  ] as const
  const statements = groups
    .filter(([, ids]) => ids.length > 0)
    .map(([status, ids]) =>
      db.$client
        .prepare(
          `UPDATE mail_deliveries SET status = ?1, sent_at = CASE WHEN ?1 = 'sent' THEN ?2 END
           WHERE id IN (SELECT value FROM json_each(?3))`,
        )
        .bind(status, now, JSON.stringify(ids)),
    )
  if (statements.length) await db.$client.batch(statements)
}

/** Whether the post still has messages waiting (to be sent, or being sent). */
export async function hasWaiting(db: Db, postId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: mailDeliveries.id })
    .from(mailDeliveries)
    .where(
      and(eq(mailDeliveries.postId, postId), inArray(mailDeliveries.status, ['queued', 'sending'])),
    )
    .limit(1)
  return row !== undefined
}
