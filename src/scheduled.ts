import { createDb } from './db/client'
import { deleteOldLoginFailures } from './db/login-failures'
import { purgeTrash } from './db/post-writes'
import { deleteExpiredSessions } from './db/sessions'

/** The daily Cron Trigger (wrangler.toml): housekeeping that no request should wait for. */
export async function runDailyMaintenance(env: Env, now = Date.now()) {
  const db = createDb(env.DB)
  const purged = await purgeTrash(db, now)
  await deleteExpiredSessions(db, now)
  await deleteOldLoginFailures(db, now)
  console.log(`Daily maintenance: ${purged} post(s) purged from the trash.`)
}

export const scheduled: ExportedHandlerScheduledHandler<Env> = async (controller, env) => {
  await runDailyMaintenance(env, controller.scheduledTime)
}
