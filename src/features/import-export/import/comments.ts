import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../../db/client'
import { comments, posts } from '../../../db/schema'
import { commentHtml } from '../../comments'
import type { PlannedComment } from './map'

/** Statements per D1 batch: each insert names its post by slug, so a batch stays small. */
const BATCH = 50

/**
 * The approved comments of posts just created, approved, oldest first: the ones that answer none
 * first, then the replies under the comment they answer (a reply to a reply joins its thread, as
 * this blog keeps one level). Returns how many were written.
 */
export async function writeImportedComments(
  db: Db,
  created: { slug: string; comments: PlannedComment[] }[],
): Promise<number> {
  let written = 0
  for (const { slug, comments: list } of created) {
    const bySource = new Map(list.map((comment) => [comment.sourceId, comment]))
    const threadOf = (comment: PlannedComment) => {
      let top = comment
      for (let depth = 0; top.parentId && bySource.has(top.parentId) && depth < 100; depth++)
        top = bySource.get(top.parentId)!
      return top
    }
    const sorted = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const tops = sorted.filter((comment) => threadOf(comment) === comment)
    const ids = new Map<string, number>()
    for (let i = 0; i < tops.length; i += BATCH) {
      const part = tops.slice(i, i + BATCH)
      const results = await db.batch(
        part.map((comment) => insert(db, slug, comment, null)) as unknown as [BatchItem<'sqlite'>],
      )
      part.forEach((comment, n) => {
        const row = (results[n] as { id: number }[])[0]
        if (row) ids.set(comment.sourceId, row.id)
      })
    }
    const replies = sorted.filter((comment) => threadOf(comment) !== comment)
    for (let i = 0; i < replies.length; i += BATCH) {
      const part = replies.slice(i, i + BATCH)
      await db.batch(
        part.map((comment) =>
          insert(db, slug, comment, ids.get(threadOf(comment).sourceId) ?? null),
        ) as unknown as [BatchItem<'sqlite'>],
      )
    }
    written += list.length
  }
  return written
}

function insert(db: Db, slug: string, comment: PlannedComment, parentId: number | null) {
  return db
    .insert(comments)
    .values({
      postId: sql`(SELECT ${posts.id} FROM ${posts} WHERE ${posts.slug} = ${slug})`,
      parentId,
      status: 'approved',
      authorName: comment.authorName,
      authorUrl: comment.authorUrl,
      email: comment.email,
      // An address in clear only ever left with a commenter who asked to hear of replies.
      notifyReplies: comment.email !== '',
      markdown: comment.markdown,
      html: commentHtml(comment.markdown),
      createdAt: new Date(comment.createdAt),
    })
    .returning({ id: comments.id })
}
