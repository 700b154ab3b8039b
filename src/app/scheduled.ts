import { closePastDays, closeShardDays, deleteCountsBefore } from '../features/audience'
import { createDb } from '../db/client'
import { deleteOldLoginFailures } from '../features/auth'
import { purgeTrash } from '../features/posts'
import { deleteExpiredSessions } from '../features/auth'
import { deleteOldAuditRows } from '../features/auth'
import { deleteExpiredChallenges } from '../features/auth'
import { deleteExpiredAccessTokens, deleteOldAgentRequestCounts } from '../features/auth'
import { dayOf, retentionCutoffDay } from '../features/audience'
import { readSiteSettings } from '../features/settings'
import { deleteExpiredPending, deletePastAttempts } from '../features/subscriptions'

/** The hourly Cron Trigger (wrangler.toml): housekeeping that no request should wait for. */
export async function runHousekeeping(env: Env, now = Date.now()) {
  const db = createDb(env.DB)
  const { settings } = await readSiteSettings(db, env)
  const today = dayOf(now, settings.timeZone)
  const closedDays = await closePastDays(db, today)
  const forgottenVisitors = await closeShardDays(env, today)
  const firstKeptDay = retentionCutoffDay(today, settings.retentionMonths)
  const expiredRows = await deleteCountsBefore(db, firstKeptDay)
  const purged = await purgeTrash(db, now)
  await deleteExpiredSessions(db, now)
  await deleteOldLoginFailures(db, now)
  await deleteExpiredChallenges(db, now)
  await deleteExpiredAccessTokens(db, now)
  await deleteOldAgentRequestCounts(db, now)
  // The audit log is kept 13 months.
  await deleteOldAuditRows(db, now)
  // Follow by email: unconfirmed subscriptions after 7 days, and past days' rate-limit counts.
  const expiredPending = await deleteExpiredPending(db, now)
  await deletePastAttempts(db, today)
  console.log(
    `Housekeeping: ${closedDays} audience day(s) closed, ${forgottenVisitors} visitor hash(es) of past days forgotten, ${expiredRows} row(s) past retention deleted, ${purged} post(s) purged from the trash, ${expiredPending} unconfirmed subscription(s) expired.`,
  )
}

export const scheduled: ExportedHandlerScheduledHandler<Env> = async (controller, env) => {
  await runHousekeeping(env, controller.scheduledTime)
}
