import { sql } from 'drizzle-orm'
import { createDb } from '../../db/client'
import { audienceDailyCounts } from '../../db/schema'

/**
 * Views an isolate could not hand to their shard, added by day under the `unrecorded` metric, so
 * the owner sees that the figures are short rather than never knowing. Only written when it
 * happens, straight to D1.
 */
export async function recordUnrecorded(
  d1: D1Database,
  viewsByDay: Map<string, number>,
  error: unknown,
) {
  const views = [...viewsByDay.values()].reduce((sum, n) => sum + n, 0)
  console.error(`Audience counter: ${views} view(s) could not be recorded by their shard.`, error)
  await createDb(d1)
    .insert(audienceDailyCounts)
    .values([...viewsByDay].map(([day, count]) => ({ day, metric: 'unrecorded', key: '', count })))
    .onConflictDoUpdate({
      target: [audienceDailyCounts.day, audienceDailyCounts.metric, audienceDailyCounts.key],
      set: { count: sql`${audienceDailyCounts.count} + excluded.count` },
    })
}
