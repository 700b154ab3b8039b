import { desc, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { auditLog } from '../../db/schema'
import { auditClientOf, type AuditClient } from './audit-client'

/** What the audit log records. */
export const AUDIT_EVENTS = [
  'sign_in',
  'sign_in_failed',
  'invitation_created',
  'invitation_used',
  'invitation_revoked',
  'role_changed',
  'recovery_requested',
  'recovery_link_created',
  'recovery_used',
  'password_changed',
  'passkey_added',
  'passkey_removed',
  'access_token_created',
  'access_token_revoked',
  'oauth_app_connected',
  'oauth_app_revoked',
  /** A write through the MCP server; the detail names the tool, the post and the token or app. */
  'agent_write',
] as const
export type AuditEvent = (typeof AUDIT_EVENTS)[number]

/** How someone signed in, kept as the sign-in's detail. */
export type SignInMethod = 'password' | 'invitation' | 'recovery' | 'access' | 'passkey'

export type AuditEntry = {
  event: AuditEvent
  /** The account concerned, if there is one. */
  userId?: number | null
  email?: string
  /** Who acted, when it is not the person concerned. */
  actorId?: number | null
  detail?: string
}

export const AUDIT_RETENTION_MONTHS = 13

export async function recordAudit(
  db: Db,
  entry: AuditEntry,
  client: AuditClient = { browser: '', country: '' },
  now = Date.now(),
) {
  await db.insert(auditLog).values({
    at: new Date(now),
    event: entry.event,
    userId: entry.userId ?? null,
    email: entry.email ?? '',
    actorId: entry.actorId ?? null,
    detail: entry.detail ?? '',
    browser: client.browser,
    country: client.country,
  })
}

/** The entry, with the client of the request that caused it. */
export function auditRequest(c: { var: { db: Db }; req: { raw: Request } }, entry: AuditEntry) {
  return recordAudit(c.var.db, entry, auditClientOf(c.req.raw))
}

/** Newest first, a page at a time: `before` is the last id of the page shown. */
export async function listAudit(db: Db, before: number | null, limit: number) {
  return db
    .select()
    .from(auditLog)
    .where(before === null ? undefined : lt(auditLog.id, before))
    .orderBy(desc(auditLog.id))
    .limit(limit)
}

/** The first instant still kept: 13 calendar months back. */
export function auditCutoff(now: number): Date {
  const cutoff = new Date(now)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - AUDIT_RETENTION_MONTHS)
  return cutoff
}

/** For the hourly cron. */
export async function deleteOldAuditRows(db: Db, now = Date.now()) {
  const result = await db.delete(auditLog).where(lt(auditLog.at, auditCutoff(now)))
  return result.meta.changes
}
