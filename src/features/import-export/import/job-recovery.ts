import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { importJobs, type ImportJob } from '../../../db/schema'

/**
 * A running job whose row has not moved for this long is stuck: the Workflow touches it after
 * every step, and an attempt at a step times out after 10 minutes.
 */
export const STUCK_AFTER_MS = 15 * 60_000

/** Errors are shown to the owner; a stack-sized message is cut. */
const MAX_ERROR_LENGTH = 500

const nowMs = sql`(unixepoch('subsec') * 1000)`
const isRunning = (id: string) => and(eq(importJobs.id, id), eq(importJobs.status, 'running'))

export function isStuck(job: ImportJob, at = Date.now()) {
  return job.status === 'running' && job.updatedAt.getTime() < at - STUCK_AFTER_MS
}

const failedOrStuck = (at: number) =>
  or(
    eq(importJobs.status, 'failed'),
    and(eq(importJobs.status, 'running'), lt(importJobs.updatedAt, new Date(at - STUCK_AFTER_MS))),
  )

/** The jobs the owner has to decide about, newest first. */
export function listFailedOrStuckImportJobs(db: Db, at = Date.now(), limit = 20) {
  return db
    .select()
    .from(importJobs)
    .where(failedOrStuck(at))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit)
}

export async function isImportJobRunning(db: Db, id: string) {
  const [job] = await db.select({ id: importJobs.id }).from(importJobs).where(isRunning(id))
  return job !== undefined
}

/** A step's attempt failed and will be tried again: the owner sees why meanwhile. */
export async function noteImportStepError(db: Db, id: string, error: string) {
  await db
    .update(importJobs)
    .set({ error: error.slice(0, MAX_ERROR_LENGTH) })
    .where(isRunning(id))
}

/** A step is done: progress, and an error noted by an earlier attempt is over. */
export async function markImportStepDone(db: Db, id: string) {
  await db.update(importJobs).set({ error: '', updatedAt: nowMs }).where(isRunning(id))
}

/** The Workflow gave up; the error noted by the last attempt, naming its step, is kept. */
export async function failImportJob(db: Db, id: string, error: string) {
  await db
    .update(importJobs)
    .set({
      status: 'failed',
      error: sql`CASE WHEN ${importJobs.error} = '' THEN ${error.slice(0, MAX_ERROR_LENGTH)} ELSE ${importJobs.error} END`,
      updatedAt: nowMs,
    })
    .where(isRunning(id))
}

/** Running or failed → cancelled; `null` when the job is over already (or unknown). */
export async function cancelImportJob(db: Db, id: string): Promise<ImportJob | null> {
  const [job] = await db
    .update(importJobs)
    .set({ status: 'cancelled', updatedAt: nowMs })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['running', 'failed'])))
    .returning()
  return job ?? null
}

/**
 * Failed or stuck → cancelled, for a new job to take over, in one statement: two clicks on
 * Retry start one new job. `null` when the job is neither.
 */
export async function takeImportJobForRetry(
  db: Db,
  id: string,
  at = Date.now(),
): Promise<ImportJob | null> {
  const [job] = await db
    .update(importJobs)
    .set({ status: 'cancelled', updatedAt: nowMs })
    .where(and(eq(importJobs.id, id), failedOrStuck(at)))
    .returning()
  return job ?? null
}
