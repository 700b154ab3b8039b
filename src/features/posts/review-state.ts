import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { queryInChunks } from '../../db/d1-limits'
import { authors, postReviews, posts, users, type PostReview } from '../../db/schema'

/** What a save does to the post's review: put it in the queue, take it out, or leave it. */
export type ReviewChange = { submit: { by: number; note: string } } | 'clear' | null

/** In the queue: a draft (a post published meanwhile has left it) that is not in the trash. */
const inQueue = and(
  eq(postReviews.state, 'pending'),
  eq(posts.status, 'draft'),
  isNull(posts.deletedAt),
)

/**
 * The statements that apply `change` to the review of the post `onlyIf` still finds, so that in a
 * save's batch they apply with the save or not at all. Resubmitting keeps the last note sent back.
 */
export function reviewStatements(
  db: Db,
  postId: number,
  onlyIf: SQL,
  change: ReviewChange,
  now = new Date(),
): BatchItem<'sqlite'>[] {
  if (change === null) return []
  if (change === 'clear')
    return [db.delete(postReviews).where(and(eq(postReviews.postId, postId), onlyIf))]
  const { by, note } = change.submit
  return [
    db
      .insert(postReviews)
      .select(
        sql`SELECT ${postId}, 'pending', ${by}, ${now.getTime()}, ${note}, NULL, NULL, '' WHERE ${onlyIf}`,
      )
      .onConflictDoUpdate({
        target: postReviews.postId,
        set: { state: 'pending', submittedBy: by, submittedAt: now, submitNote: note },
      }),
  ]
}

/** Puts a post just created in the queue. */
export async function submitNewPost(db: Db, postId: number, by: number, note: string) {
  await db.batch(
    reviewStatements(db, postId, sql`true`, { submit: { by, note } }) as [BatchItem<'sqlite'>],
  )
}

/** Sends a pending post back to whoever submitted it; false if it was no longer pending. */
export async function returnForChanges(
  db: Db,
  postId: number,
  by: number,
  note: string,
  now = new Date(),
) {
  const returned = await db
    .update(postReviews)
    .set({ state: 'returned', returnedBy: by, returnedAt: now, returnNote: note })
    .where(and(eq(postReviews.postId, postId), eq(postReviews.state, 'pending')))
    .returning({ postId: postReviews.postId })
  return returned.length > 0
}

export type ReviewWithNames = PostReview & {
  submittedByName: string | null
  returnedByName: string | null
}

const submitter = alias(users, 'submitter')
const returner = alias(users, 'returner')

const reviewColumns = {
  review: postReviews,
  submittedByName: submitter.name,
  returnedByName: returner.name,
}

function withNames(row: {
  review: PostReview
  submittedByName: string | null
  returnedByName: string | null
}): ReviewWithNames {
  return { ...row.review, submittedByName: row.submittedByName, returnedByName: row.returnedByName }
}

/** The post's review with who submitted and who returned it, or null when it has none. */
export async function findReview(db: Db, postId: number): Promise<ReviewWithNames | null> {
  const [row] = await db
    .select(reviewColumns)
    .from(postReviews)
    .leftJoin(submitter, eq(submitter.id, postReviews.submittedBy))
    .leftJoin(returner, eq(returner.id, postReviews.returnedBy))
    .where(eq(postReviews.postId, postId))
  return row ? withNames(row) : null
}

/** The reviews of the listed posts, by post id. */
export async function reviewsByPost(db: Db, postIds: number[]) {
  const rows = await queryInChunks(postIds, (slice) =>
    db
      .select(reviewColumns)
      .from(postReviews)
      .leftJoin(submitter, eq(submitter.id, postReviews.submittedBy))
      .leftJoin(returner, eq(returner.id, postReviews.returnedBy))
      .where(inArray(postReviews.postId, slice)),
  )
  return new Map(rows.map((row) => [row.review.postId, withNames(row)]))
}

/** The review queue, oldest submission first. */
export async function listPendingReviews(db: Db) {
  return db
    .select({
      postId: posts.id,
      kind: posts.kind,
      title: posts.title,
      excerpt: posts.excerpt,
      version: posts.version,
      authorName: authors.name,
      submittedAt: postReviews.submittedAt,
      submitNote: postReviews.submitNote,
      submittedByName: users.name,
    })
    .from(postReviews)
    .innerJoin(posts, eq(posts.id, postReviews.postId))
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .leftJoin(users, eq(users.id, postReviews.submittedBy))
    .where(inQueue)
    .orderBy(asc(postReviews.submittedAt), asc(postReviews.postId))
}

/** How many posts wait for review: the admin navigation shows it to editors. */
export async function countPendingReviews(db: Db): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(postReviews)
    .innerJoin(posts, eq(posts.id, postReviews.postId))
    .where(inQueue)
  return row?.total ?? 0
}
