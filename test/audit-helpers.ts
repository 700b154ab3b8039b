import { asc, eq } from 'drizzle-orm'
import { auditLog, type AuditRow } from '../src/db/schema'
import { db } from './fixtures'

/** The audit rows about `email`, oldest first, as `event:detail` with who acted. */
export async function auditTrail(email: string) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.email, email))
    .orderBy(asc(auditLog.id))
  return rows.map((row: AuditRow) => ({
    event: row.event,
    detail: row.detail,
    actorId: row.actorId,
    userId: row.userId,
  }))
}
