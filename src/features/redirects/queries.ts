import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../db/client'
import { redirectQueryNamesStatement } from '../../db/redirect-query-names'
import { posts, redirects } from '../../db/schema'
import { isRedirectTarget } from './schemas'

/** How many redirects `addRedirects` writes per D1 batch (three or four small statements each). */
const REDIRECTS_PER_BATCH = 50

/**
 * The statements that make `fromPath` answer 301 to `toPath`, to run in the caller's batch. Chains
 * collapse: redirects that pointed at `fromPath` now point at `toPath`, and a redirect *from*
 * `toPath` is dropped, since that address is live again (this also breaks A → B → A loops).
 */
export function redirectStatements(
  db: Db,
  fromPath: string,
  toPath: string,
): BatchItem<'sqlite'>[] {
  if (fromPath === toPath) return [db.delete(redirects).where(eq(redirects.fromPath, toPath))]
  return [
    db.update(redirects).set({ toPath }).where(eq(redirects.toPath, fromPath)),
    db
      .insert(redirects)
      .values({ fromPath, toPath })
      .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath, createdAt: new Date() } }),
    db.delete(redirects).where(eq(redirects.fromPath, toPath)),
    ...redirectQueryNamesStatement(db, fromPath),
  ]
}

/** Cached reader pages include redirects and the 404s they replace: the version goes up too. */
export async function addRedirect(db: Db, fromPath: string, toPath: string) {
  const [first, ...rest] = redirectStatements(db, fromPath, toPath)
  await db.batch([first, ...rest])
}

/** Many redirects (an import), in D1 batches of bounded size, applied in order. */
export async function addRedirects(db: Db, pairs: { fromPath: string; toPath: string }[]) {
  for (let start = 0; start < pairs.length; start += REDIRECTS_PER_BATCH) {
    const statements = pairs
      .slice(start, start + REDIRECTS_PER_BATCH)
      .flatMap(({ fromPath, toPath }) => redirectStatements(db, fromPath, toPath))
    const [first, ...rest] = statements
    if (first) await db.batch([first, ...rest])
  }
}

/** Where an old address now lives: one primary-key lookup (several spellings of one path at most). */
export function findRedirectQuery(db: Db, paths: string[]) {
  return db
    .select({ toPath: redirects.toPath })
    .from(redirects)
    .where(inArray(redirects.fromPath, [...new Set(paths)]))
    .limit(1)
}

export async function findRedirect(db: Db, path: string | string[]): Promise<string | null> {
  const paths = Array.isArray(path) ? path : [path]
  if (paths.length === 0) return null
  const [row] = await findRedirectQuery(db, paths)
  // A target stored before targets were checked (a crafted archive) is never sent as a Location.
  return row && isRedirectTarget(row.toPath) ? row.toPath : null
}

/** Where a post of this row lives: a page at the root, anything else under /posts/. */
const prefixOfRow = sql`CASE ${posts.kind} WHEN 'page' THEN '/' ELSE '/posts/' END`

/**
 * When a visible post's or page's slug changes, its old address redirects to the new one:
 * statements for the same batch as the update, read from the row before the update runs. They
 * write nothing when the slug is unchanged or the post was never visible (a draft, or scheduled
 * for later). Paths are stored as routes see them (decoded); the redirect encodes them.
 */
export function slugChangeRedirectStatements(
  db: Db,
  { postId, loadedVersion }: { postId: number; loadedVersion: number },
  newSlug: string,
  now: number,
): BatchItem<'sqlite'>[] {
  const wasVisible = and(
    eq(posts.id, postId),
    eq(posts.version, loadedVersion),
    ne(posts.slug, newSlug),
    sql`${posts.status} <> 'draft' AND ${posts.deletedAt} IS NULL`,
    sql`${posts.publishedAt} <= ${now}`,
  )
  const oldPath = sql<string>`${prefixOfRow} || ${posts.slug}`
  const newPath = sql<string>`${prefixOfRow} || ${newSlug}`
  const toPath = (where: SQL | undefined) => sql`(SELECT ${newPath} FROM ${posts} WHERE ${where})`
  return [
    db
      .update(redirects)
      .set({ toPath: toPath(eq(posts.id, postId)) })
      .where(eq(redirects.toPath, db.select({ oldPath }).from(posts).where(wasVisible))),
    db
      .insert(redirects)
      .select(
        db
          .select({
            fromPath: oldPath.as('from_path'),
            toPath: newPath.as('to_path'),
            createdAt: sql`${now}`.as('created_at'),
          })
          .from(posts)
          .where(wasVisible),
      )
      .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: sql`excluded.to_path` } }),
    db
      .delete(redirects)
      .where(
        eq(redirects.fromPath, toPath(and(eq(posts.id, postId), eq(posts.version, loadedVersion)))),
      ),
  ]
}
