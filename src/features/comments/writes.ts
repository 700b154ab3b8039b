import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { comments, commentSettings, type CommentStatus } from '../../db/schema'
import type { CommentSettings } from './queries'

/** 5 comments per client in 10 minutes. */
export const RATE_LIMIT = { count: 5, windowMs: 10 * 60_000 }
/** The same text on the same post within a day is a duplicate. */
const DUPLICATE_WINDOW_MS = 86_400_000

export type NewComment = {
  postId: number
  parentId: number | null
  status: CommentStatus
  authorName: string
  authorUrl: string
  emailHash: string
  email: string
  notifyReplies: boolean
  markdown: string
  html: string
  clientHash: string
  createdAt: number
}

/**
 * Stores a reader's comment unless its client already sent RATE_LIMIT.count in the window or the
 * same text is on the post: count and decide in the one INSERT … SELECT, so parallel posts cannot
 * all pass the count. Null when refused.
 */
export async function insertLimitedComment(db: Db, row: NewComment): Promise<number | null> {
  const since = row.createdAt - RATE_LIMIT.windowMs
  const duplicateSince = row.createdAt - DUPLICATE_WINDOW_MS
  const inserted = await db.all<{ id: number }>(sql`
    INSERT INTO comments (post_id, parent_id, status, author_name, author_url, email_hash, email,
      notify_replies, markdown, html, client_hash, created_at)
    SELECT ${row.postId}, ${row.parentId}, ${row.status}, ${row.authorName}, ${row.authorUrl},
      ${row.emailHash}, ${row.email}, ${row.notifyReplies ? 1 : 0}, ${row.markdown}, ${row.html},
      ${row.clientHash}, ${row.createdAt}
    WHERE (SELECT count(*) FROM comments WHERE client_hash = ${row.clientHash}
        AND created_at > ${since}) < ${RATE_LIMIT.count}
      AND NOT EXISTS (SELECT 1 FROM comments WHERE post_id = ${row.postId}
        AND markdown = ${row.markdown} AND created_at > ${duplicateSince})
    RETURNING id`)
  return inserted[0]?.id ?? null
}

export async function isDuplicate(db: Db, postId: number, markdown: string, now: number) {
  const [row] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.postId, postId),
        eq(comments.markdown, markdown),
        sql`${comments.createdAt} > ${now - DUPLICATE_WINDOW_MS}`,
      ),
    )
    .limit(1)
  return Boolean(row)
}

/**
 * The comments this moved to `status`, leaving out those already there: a retried or concurrent
 * approval tells nobody twice. The ids travel as one JSON parameter, within D1's bound limit.
 */
export async function setStatus(db: Db, ids: number[], status: CommentStatus): Promise<number[]> {
  if (!ids.length) return []
  const changed = await db.all<{ id: number }>(sql`
    UPDATE comments SET status = ${status}
    WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND status <> ${status}
    RETURNING id`)
  return changed.map((row) => row.id)
}

/** Deleting forgets everything, the email in clear first of all (replies go with their parent). */
export async function deleteComments(db: Db, ids: number[]) {
  if (!ids.length) return
  await db.delete(comments).where(inArray(comments.id, ids))
}

/** An editor's reply, approved, under their author profile. */
export async function insertReply(
  db: Db,
  reply: {
    postId: number
    parentId: number
    authorId: number
    authorName: string
    markdown: string
    html: string
  },
) {
  const [row] = await db
    .insert(comments)
    .values({ ...reply, status: 'approved', createdAt: new Date() })
    .returning({ id: comments.id })
  return row.id
}

/** The commenter asked to hear no more: the address in clear is forgotten. */
export async function unsubscribe(db: Db, id: number) {
  await db.update(comments).set({ email: '', notifyReplies: false }).where(eq(comments.id, id))
}

export async function saveCommentSettings(db: Db, settings: CommentSettings) {
  await db
    .insert(commentSettings)
    .values({ id: 1, ...settings })
    .onConflictDoUpdate({ target: commentSettings.id, set: settings })
}
