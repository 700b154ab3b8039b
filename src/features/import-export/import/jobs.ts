import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { importJobs, type ImportJob } from '../../../db/schema'

export async function createImportJob(
  db: Db,
  job: Pick<ImportJob, 'id' | 'fileKey' | 'fileName' | 'dryRun' | 'createdBy'>,
) {
  await db.insert(importJobs).values(job)
}

export async function findImportJob(db: Db, id: string): Promise<ImportJob | null> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id))
  return job ?? null
}

export async function updateImportJob(
  db: Db,
  id: string,
  changes: Partial<Pick<ImportJob, 'status' | 'done' | 'total' | 'report' | 'error'>>,
) {
  await db
    .update(importJobs)
    .set({ ...changes, updatedAt: sql`(unixepoch('subsec') * 1000)` })
    .where(eq(importJobs.id, id))
}
