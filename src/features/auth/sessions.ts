import { eq, lt, or } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { sessions, users } from '../../db/schema'

export const SESSION_IDLE_MS = 30 * 60_000
export const SESSION_ABSOLUTE_MS = 8 * 3_600_000
/** Sliding the idle window costs a write; once a minute is precise enough. */
const TOUCH_EVERY_MS = 60_000

export async function createSession(db: Db, tokenHash: string, userId: number, now = Date.now()) {
  const at = new Date(now)
  await db.insert(sessions).values({ tokenHash, userId, createdAt: at, lastSeenAt: at })
}

/** The user behind a live session, sliding its idle window; null when expired, unknown or disabled. */
export async function findSessionUser(db: Db, tokenHash: string, now = Date.now()) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1)
  if (!row) return null
  const { session, user } = row
  const idle = now - session.lastSeenAt.getTime() > SESSION_IDLE_MS
  const tooOld = now - session.createdAt.getTime() > SESSION_ABSOLUTE_MS
  if (idle || tooOld || user.disabledAt) {
    await deleteSession(db, tokenHash)
    return null
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, tokenHash))
  }
  return user
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}

export async function deleteExpiredSessions(db: Db, now = Date.now()) {
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.lastSeenAt, new Date(now - SESSION_IDLE_MS)),
        lt(sessions.createdAt, new Date(now - SESSION_ABSOLUTE_MS)),
      ),
    )
}
