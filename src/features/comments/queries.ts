import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  authors,
  comments,
  commentSettings,
  posts,
  type CommentModeration,
  type CommentStatus,
} from '../../db/schema'

export type CommentSettings = {
  moderation: CommentModeration
  closeAfterDays: number
  onPages: boolean
  blockList: string
}

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  moderation: 'first',
  closeAfterDays: 0,
  onPages: false,
  blockList: '',
}

export async function readCommentSettings(db: Db): Promise<CommentSettings> {
  const [row] = await db.select().from(commentSettings).where(eq(commentSettings.id, 1))
  return row ?? DEFAULT_COMMENT_SETTINGS
}

/** What readers see of a comment. */
export type ShownComment = {
  id: number
  parentId: number | null
  authorName: string
  authorUrl: string
  html: string
  createdAt: Date
  byAuthor: boolean
}

const shownColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorName: sql<string>`coalesce(${authors.name}, ${comments.authorName})`,
  authorUrl: comments.authorUrl,
  html: comments.html,
  createdAt: comments.createdAt,
  authorId: comments.authorId,
}

/**
 * What a post page needs of comments, as statements to join the page's own D1 batch: the
 * approved comments oldest first, the comment settings, and whether the post is open. `postId`
 * may be a subquery (the post found by its slug in the same batch).
 */
export function commentsOnPostQueries(db: Db, postId: number | SQL) {
  return [
    db
      .select(shownColumns)
      .from(comments)
      .leftJoin(authors, eq(authors.id, comments.authorId))
      .where(and(sql`${comments.postId} = ${postId}`, eq(comments.status, 'approved')))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    db.select().from(commentSettings).where(eq(commentSettings.id, 1)),
  ] as const
}

type CommentQueries = ReturnType<typeof commentsOnPostQueries>
type Rows<Q> = Q extends PromiseLike<infer R> ? R : never

export type CommentsOnPost = ReturnType<typeof commentsFromRows>

/** The batch's answers to `commentsOnPostQueries`, as the page shows them. */
export function commentsFromRows(
  rows: Rows<CommentQueries[0]>,
  settings: Rows<CommentQueries[1]>,
  commentsOpen: boolean,
) {
  return {
    commentsOpen,
    comments: rows.map(({ authorId, ...row }): ShownComment => ({
      ...row,
      byAuthor: authorId !== null,
    })),
    settings: (settings[0] ?? DEFAULT_COMMENT_SETTINGS) as CommentSettings,
  }
}

/** The same, on their own (a page, whose own reads do not batch them). */
export async function commentsOnPost(db: Db, postId: number) {
  const [rows, settings, open] = await db.batch([
    ...commentsOnPostQueries(db, postId),
    db.select({ open: posts.commentsOpen }).from(posts).where(eq(posts.id, postId)),
  ])
  return commentsFromRows(rows, settings, open[0]?.open ?? false)
}

/** The commented post (or page) as the comment form needs it: published, not in the trash. */
export async function commentablePost(db: Db, slug: string, kind: 'page' | 'post', now: number) {
  const [post] = await db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      kind: posts.kind,
      language: posts.language,
      publishedAt: posts.publishedAt,
      commentsOpen: posts.commentsOpen,
      authorId: posts.authorId,
    })
    .from(posts)
    .where(
      and(
        eq(posts.slug, slug),
        kind === 'page' ? eq(posts.kind, 'page') : sql`${posts.kind} <> 'page'`,
        sql`${posts.status} <> 'draft'`,
        sql`${posts.deletedAt} IS NULL`,
        sql`${posts.publishedAt} <= ${now}`,
      ),
    )
  return post ?? null
}

export type CommentablePost = NonNullable<Awaited<ReturnType<typeof commentablePost>>>

/** Whether readers may comment on the post now. */
export function commentsAllowed(
  post: { kind: string; commentsOpen: boolean; publishedAt: Date | null },
  settings: CommentSettings,
  now = Date.now(),
): boolean {
  if (!post.commentsOpen) return false
  if (post.kind === 'page' && !settings.onPages) return false
  if (settings.closeAfterDays > 0 && post.publishedAt)
    return now - post.publishedAt.getTime() < settings.closeAfterDays * 86_400_000
  return true
}

/** A commenter already approved under this email hash: no longer a first-timer. */
export async function knownCommenter(db: Db, emailHash: string) {
  if (!emailHash) return false
  const [row] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.emailHash, emailHash), eq(comments.status, 'approved')))
    .limit(1)
  return Boolean(row)
}

export async function findComment(db: Db, id: number) {
  const [row] = await db.select().from(comments).where(eq(comments.id, id))
  return row ?? null
}

export async function countByStatus(db: Db) {
  const rows = await db
    .select({ status: comments.status, n: count() })
    .from(comments)
    .groupBy(comments.status)
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0 }
  for (const row of rows) counts[row.status] = row.n
  return counts
}

export async function countPending(db: Db) {
  const [row] = await db.select({ n: count() }).from(comments).where(eq(comments.status, 'pending'))
  return row?.n ?? 0
}

/** The admin list: one status, newest first, optionally matching text, name or email. */
export async function listComments(db: Db, status: CommentStatus, search: string, limit = 100) {
  const pattern = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  const matches = search
    ? or(
        sql`${comments.markdown} LIKE ${pattern} ESCAPE '\\'`,
        sql`${comments.authorName} LIKE ${pattern} ESCAPE '\\'`,
        sql`${comments.email} LIKE ${pattern} ESCAPE '\\'`,
      )
    : undefined
  return db
    .select({
      id: comments.id,
      status: comments.status,
      authorName: sql<string>`coalesce(${authors.name}, ${comments.authorName})`,
      authorUrl: comments.authorUrl,
      email: comments.email,
      html: comments.html,
      createdAt: comments.createdAt,
      postId: comments.postId,
      postTitle: posts.title,
      postSlug: posts.slug,
      postKind: posts.kind,
      parentId: comments.parentId,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(authors, eq(authors.id, comments.authorId))
    .where(and(eq(comments.status, status), matches))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
}

export type AdminComment = Awaited<ReturnType<typeof listComments>>[number]
