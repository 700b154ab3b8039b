import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { subscribeAttempts } from '../../db/schema'
import { dayOf, saltForDay, visitorHash } from '../audience'

/** Subscribe requests a client may make in a day. */
export const ATTEMPTS_PER_DAY = 10

/**
 * Counts one request for the client and says whether it is within the day's limit, in one
 * statement (a count and a decision that no concurrent request can come between). The client is
 * the audience counter's daily-salted hash of its address: the address itself is never stored.
 */
export async function allowAttempt(
  db: Db,
  client: { ip: string; host: string },
  timeZone: string,
  now = Date.now(),
): Promise<boolean> {
  const day = dayOf(now, timeZone)
  const salt = await saltForDay(db, day)
  const clientHash = visitorHash(salt, client.ip, 'subscribe', client.host)
  const rows = await db
    .insert(subscribeAttempts)
    .values({ clientHash, day, count: 1 })
    .onConflictDoUpdate({
      target: [subscribeAttempts.clientHash, subscribeAttempts.day],
      set: { count: sql`${subscribeAttempts.count} + 1` },
      setWhere: sql`${subscribeAttempts.count} < ${ATTEMPTS_PER_DAY}`,
    })
    .returning({ count: subscribeAttempts.count })
  return rows.length > 0
}

/** Past days' counts are of no use: the hourly housekeeping deletes them. */
export async function deletePastAttempts(db: Db, today: string) {
  await db.delete(subscribeAttempts).where(sql`${subscribeAttempts.day} < ${today}`)
}
