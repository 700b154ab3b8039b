import { and, asc, eq, gt } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { comments, posts } from '../../../db/schema'

/** One approved comment in `comments.json`: its post by slug, its thread by the exported id. */
export type ArchivedComment = {
  id: number
  post: string
  parent: number | null
  name: string
  url: string
  email?: string
  created_at: string
  markdown: string
}

const PAGE = 500

/**
 * The readers' approved comments, oldest first. Emails only when the owner asks (they are kept
 * in clear only for commenters who want to hear of replies); held and spam ones stay here.
 */
export async function commentsForArchive(db: Db, { withEmails = false } = {}) {
  const out: ArchivedComment[] = []
  for (let afterId = 0; ;) {
    const rows = await db
      .select({
        id: comments.id,
        post: posts.slug,
        parent: comments.parentId,
        name: comments.authorName,
        url: comments.authorUrl,
        email: comments.email,
        createdAt: comments.createdAt,
        markdown: comments.markdown,
      })
      .from(comments)
      .innerJoin(posts, eq(posts.id, comments.postId))
      .where(and(eq(comments.status, 'approved'), gt(comments.id, afterId)))
      .orderBy(asc(comments.id))
      .limit(PAGE)
    for (const { email, createdAt, ...row } of rows)
      out.push({
        ...row,
        ...(withEmails && email && { email }),
        created_at: createdAt.toISOString(),
      })
    if (rows.length < PAGE) return out
    afterId = rows[rows.length - 1].id
  }
}
