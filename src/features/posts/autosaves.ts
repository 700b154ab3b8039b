import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { postRevisions } from '../../db/schema'

/** An autosave of a draft records a revision only when the last one is older than this. */
export const AUTOSAVE_REVISION_INTERVAL_MS = 10 * 60_000

export async function lastRevisionAt(db: Db, postId: number): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: postRevisions.createdAt })
    .from(postRevisions)
    .where(and(eq(postRevisions.postId, postId), eq(postRevisions.autosave, false)))
    .orderBy(desc(postRevisions.id))
    .limit(1)
  return row?.createdAt ?? null
}

/** Keeps the text being typed into a live post, apart from it: one autosave per post. */
export async function storeAutosave(
  db: Db,
  postId: number,
  content: { title: string; excerpt: string; markdown: string },
  savedBy: number,
) {
  const mine = and(eq(postRevisions.postId, postId), eq(postRevisions.autosave, true))
  await db.batch([
    db.delete(postRevisions).where(mine),
    db.insert(postRevisions).values({ postId, ...content, savedBy, autosave: true }),
  ])
}

export async function findAutosave(db: Db, postId: number) {
  const [row] = await db
    .select()
    .from(postRevisions)
    .where(and(eq(postRevisions.postId, postId), eq(postRevisions.autosave, true)))
    .limit(1)
  return row ?? null
}
