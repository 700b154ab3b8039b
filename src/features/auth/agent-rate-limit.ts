import { lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { agentRequestCounts } from '../../db/schema'

/** Requests a token or an OAuth grant may make per minute: far more than an agent needs. */
export const AGENT_REQUESTS_PER_MINUTE = 120
const WINDOW_MS = 60_000

/**
 * Counts a request under `key` and says whether it is within the limit: the count and the decision
 * are one statement, so concurrent requests cannot both take the last place.
 */
export async function countAgentRequest(
  db: Db,
  key: string,
  now = Date.now(),
  limit = AGENT_REQUESTS_PER_MINUTE,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const since = now - WINDOW_MS
  const [row] = await db
    .insert(agentRequestCounts)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: agentRequestCounts.key,
      set: {
        count: sql`CASE WHEN ${agentRequestCounts.windowStart} > ${since} THEN ${agentRequestCounts.count} + 1 ELSE 1 END`,
        windowStart: sql`CASE WHEN ${agentRequestCounts.windowStart} > ${since} THEN ${agentRequestCounts.windowStart} ELSE ${now} END`,
      },
    })
    .returning({ count: agentRequestCounts.count, windowStart: agentRequestCounts.windowStart })
  if (row.count <= limit) return { allowed: true }
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((row.windowStart + WINDOW_MS - now) / 1000)),
  }
}

/** For the hourly cron: counts of past minutes. */
export async function deleteOldAgentRequestCounts(db: Db, now = Date.now()) {
  const result = await db
    .delete(agentRequestCounts)
    .where(lt(agentRequestCounts.windowStart, now - WINDOW_MS))
  return result.meta.changes
}
