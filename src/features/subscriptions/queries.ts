import { and, desc, eq, gt, like, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  mailDeliveries,
  posts,
  subscriberErasures,
  subscribers,
  type SubscriberState,
} from '../../db/schema'

export type StateCounts = Record<SubscriberState | 'erased', number>

export async function stateCounts(db: Db): Promise<StateCounts> {
  const [rows, [erased]] = await db.batch([
    db
      .select({ state: subscribers.state, count: sql<number>`count(*)` })
      .from(subscribers)
      .groupBy(subscribers.state),
    db
      .select({ count: sql<number>`coalesce(sum(${subscriberErasures.count}), 0)` })
      .from(subscriberErasures),
  ])
  const counts: StateCounts = { pending: 0, confirmed: 0, unsubscribed: 0, erased: erased.count }
  for (const row of rows) counts[row.state] = row.count
  return counts
}

export const SUBSCRIBERS_PAGE = 50

/** A page of subscribers, newest first, whose address contains `search`. */
export async function listSubscribers(db: Db, search: string, before: number | null) {
  const words = search.trim().toLowerCase()
  return db
    .select({
      id: subscribers.id,
      email: subscribers.email,
      state: subscribers.state,
      createdAt: subscribers.createdAt,
      confirmedAt: subscribers.confirmedAt,
    })
    .from(subscribers)
    .where(
      and(
        words ? like(subscribers.email, `%${words.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
        before === null ? undefined : lt(subscribers.id, before),
      ),
    )
    .orderBy(desc(subscribers.id))
    .limit(SUBSCRIBERS_PAGE)
}

/** For the export: a keyset page at a time, so a long list is never all in memory. */
export async function exportPage(db: Db, after: number, limit = 500) {
  return db
    .select()
    .from(subscribers)
    .where(gt(subscribers.id, after))
    .orderBy(subscribers.id)
    .limit(limit)
}

export type DeliveryCounts = { queued: number; sent: number; failed: number }

/** Queued (waiting or being sent), sent and failed messages of one post. */
export async function deliveryCounts(db: Db, postId: number): Promise<DeliveryCounts> {
  const rows = await db
    .select({ status: mailDeliveries.status, count: sql<number>`count(*)` })
    .from(mailDeliveries)
    .where(eq(mailDeliveries.postId, postId))
    .groupBy(mailDeliveries.status)
  const counts = { queued: 0, sent: 0, failed: 0 }
  for (const { status, count } of rows) {
    if (status === 'queued' || status === 'sending') counts.queued += count
    else if (status === 'sent') counts.sent += count
    else if (status === 'failed') counts.failed += count
  }
  return counts
}

/** The sending history: each mailed post with its counts, newest first. */
export async function sendingHistory(db: Db, limit = 50) {
  return db
    .select({
      postId: posts.id,
      title: posts.title,
      queued: sql<number>`sum(${mailDeliveries.status} IN ('queued', 'sending'))`,
      sent: sql<number>`sum(${mailDeliveries.status} = 'sent')`,
      failed: sql<number>`sum(${mailDeliveries.status} = 'failed')`,
    })
    .from(mailDeliveries)
    .innerJoin(posts, eq(posts.id, mailDeliveries.postId))
    .groupBy(posts.id)
    .orderBy(desc(posts.id))
    .limit(limit)
}
