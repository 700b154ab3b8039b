import { and, desc, eq, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { authors, comments, posts, type CommentStatus } from '../../db/schema'

/**
 * What an agent may read of a comment: what the moderation list shows, without anything that
 * identifies the commenter beyond the name and website they published (no email, no email hash,
 * no client hash).
 */
const agentColumns = {
  id: comments.id,
  status: comments.status,
  authorName: sql<string>`coalesce(${authors.name}, ${comments.authorName})`,
  authorUrl: comments.authorUrl,
  markdown: comments.markdown,
  createdAt: comments.createdAt,
  parentId: comments.parentId,
  postId: comments.postId,
  postSlug: posts.slug,
  postTitle: posts.title,
  postKind: posts.kind,
}

/** The list's order, newest first: where the previous page ended. */
export type CommentPosition = { at: number; id: number }

export type AgentCommentFilter = {
  status: CommentStatus
  /** Matched in the text and the name, never in the email: an address cannot be probed. */
  search: string
  postId: number | null
  after: CommentPosition | null
  limit: number
}

const contains = (search: string) => {
  const pattern = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return or(
    sql`${comments.markdown} LIKE ${pattern} ESCAPE '\\'`,
    sql`${comments.authorName} LIKE ${pattern} ESCAPE '\\'`,
  )
}

const selectForAgents = (db: Db) =>
  db
    .select(agentColumns)
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(authors, eq(authors.id, comments.authorId))

/** A page of one status's comments, newest first, and where the next page starts (or null). */
export async function listCommentsForAgents(db: Db, filter: AgentCommentFilter) {
  const { after } = filter
  const rows = await selectForAgents(db)
    .where(
      and(
        eq(comments.status, filter.status),
        filter.search ? contains(filter.search) : undefined,
        filter.postId === null ? undefined : eq(comments.postId, filter.postId),
        after
          ? sql`(${comments.createdAt} < ${after.at} OR (${comments.createdAt} = ${after.at} AND ${comments.id} < ${after.id}))`
          : undefined,
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(filter.limit + 1)
  const page = rows.slice(0, filter.limit)
  const last = page[page.length - 1]
  const next: CommentPosition | null =
    rows.length > filter.limit && last ? { at: last.createdAt.getTime(), id: last.id } : null
  return { comments: page, next }
}

/** The comments with these ids (one JSON parameter, however many), in id order. */
export async function commentsForAgentsByIds(db: Db, ids: number[]) {
  if (!ids.length) return []
  return selectForAgents(db)
    .where(sql`${comments.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .orderBy(comments.id)
}

export type AgentComment = Awaited<ReturnType<typeof commentsForAgentsByIds>>[number]
