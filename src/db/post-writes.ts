import { and, eq, isNotNull, lt, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from './client'
import { htmlToText } from '../lib/plain-text'
import { chunk, rowsPerStatement } from './d1-limits'
import { bumpContentVersion } from './content-version'
import { listedAtFor } from './listing'
import { slugChangeRedirectStatements } from './redirects'
import { postMediaLinks } from './media'
import {
  categories,
  postRevisions,
  posts,
  postsCategories,
  type Language,
  type PostKind,
  type PostStatus,
} from './schema'

export type PostInput = {
  slug: string
  title: string
  excerpt: string
  markdown: string
  /** Already rendered and sanitized (lib/markdown). */
  html: string
  status: PostStatus
  language: Language
  publishedAt: Date | null
  authorId: number
  categoryIds: number[]
  /** A category typed into the form, created in the same batch unless its slug exists. */
  newCategory?: { slug: string; name: string } | null
  /** Notes only (left unchanged when absent): see `posts.kind`. */
  kind?: PostKind
  sourceUrl?: string
  sourceSiteName?: string
  sourcePublishedAt?: string
  /** Left out, the post keeps its featured image; null removes it. */
  featuredMediaId?: number | null
  featuredImageAlt?: string
}

type Statements = [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]

export const TRASH_DAYS = 30

const NOW_MS = sql`(unixepoch('subsec') * 1000)`

/** Three parameters per category link, plus the post condition's and `listed_at`. */
const LINKS_PER_STATEMENT = rowsPerStatement(3, 4)

/**
 * Category links and the revision are written through `INSERT … SELECT … FROM posts WHERE
 * <target>`: for a new post the target is its slug; for a save it is the id *and the version the
 * form was loaded from*, so a stale save writes nothing at all, and the batch stays atomic.
 */
function categoryLinks(db: Db, target: SQL, input: PostInput) {
  const listedAt = listedAtFor(input)?.getTime() ?? null
  const links: (number | SQL)[] = [...input.categoryIds]
  const statements: BatchItem<'sqlite'>[] = []
  if (input.newCategory) {
    const { slug, name } = input.newCategory
    statements.push(
      db
        .insert(categories)
        .select(
          sql`SELECT NULL, ${slug}, ${name}, '', ${NOW_MS}, ${NOW_MS} WHERE EXISTS (SELECT 1 FROM posts WHERE ${target})`,
        )
        .onConflictDoNothing(),
    )
    links.push(sql`(SELECT id FROM categories WHERE slug = ${slug})`)
  }
  chunk(
    links.map((categoryId, sortOrder) => sql`(${categoryId}, ${sortOrder})`),
    LINKS_PER_STATEMENT,
  ).forEach((rows) => {
    statements.push(
      db
        .insert(postsCategories)
        .select(
          sql`SELECT posts.id, link.column1, link.column2, ${listedAt} FROM (VALUES ${sql.join(rows, sql`, `)}) AS link, posts WHERE ${target}`,
        )
        .onConflictDoNothing(),
    )
  })
  return statements
}

/** A saved revision (not an autosave), for the post `target` finds; columns in table order. */
function revision(db: Db, target: SQL, input: PostInput, savedBy: number | null) {
  const { title, excerpt, markdown } = input
  return db
    .insert(postRevisions)
    .select(
      sql`SELECT NULL, posts.id, ${title}, ${excerpt}, ${markdown}, ${savedBy}, ${NOW_MS}, 0 FROM posts WHERE ${target}`,
    )
}

/** The statements that create a post, for callers that batch several writes together. */
export function createPostStatements(db: Db, input: PostInput, savedBy: number | null = null) {
  const { categoryIds, newCategory, ...post } = input
  const target = sql`posts.slug = ${post.slug}`
  const statements: Statements = [
    db.insert(posts).values({ ...post, searchText: htmlToText(post.html) }),
    ...categoryLinks(db, target, input),
    ...postMediaLinks(db, { postId: sql`(SELECT id FROM posts WHERE ${target})` }, input),
    revision(db, target, input, savedBy),
    bumpContentVersion(db),
  ]
  return statements
}

/** A new post, its categories and its first revision in one D1 batch: all written, or none. */
export async function createPost(db: Db, input: PostInput, savedBy: number | null = null) {
  await db.batch(createPostStatements(db, input, savedBy))
  const [created] = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, input.slug))
  return created.id
}

export type SaveResult = { saved: true; version: number } | { saved: false }

/**
 * The statements that save a post as loaded at `loadedVersion`, for callers that batch several
 * writes together. Every statement is conditioned on that version and the one that raises it comes
 * last (returning the new version), so in one batch either all apply or none does. A listed post's
 * old address redirects to its new slug. A revision is
 * recorded unless told not to (an autosave records one only every few minutes); any autosaved
 * text is now stale.
 */
export function updatePostStatements(
  db: Db,
  postId: number,
  loadedVersion: number,
  input: PostInput,
  savedBy: number | null,
  options: { revision?: boolean } = {},
): Statements {
  const { categoryIds, newCategory, ...post } = input
  const target = sql`posts.id = ${postId} AND posts.version = ${loadedVersion}`
  const [redirectFirst, ...redirectRest] = slugChangeRedirectStatements(
    db,
    { postId, loadedVersion },
    post.slug,
    Date.now(),
  )
  return [
    redirectFirst,
    ...redirectRest,
    db
      .delete(postsCategories)
      .where(
        and(eq(postsCategories.postId, postId), sql`EXISTS (SELECT 1 FROM posts WHERE ${target})`),
      ),
    ...categoryLinks(db, target, input),
    ...postMediaLinks(
      db,
      { postId, onlyIf: sql`EXISTS (SELECT 1 FROM posts WHERE ${target})` },
      input,
    ),
    ...(options.revision === false ? [] : [revision(db, target, input, savedBy)]),
    db
      .delete(postRevisions)
      .where(
        and(
          eq(postRevisions.postId, postId),
          eq(postRevisions.autosave, true),
          sql`EXISTS (SELECT 1 FROM posts WHERE ${target})`,
        ),
      ),
    bumpContentVersion(db),
    db
      .update(posts)
      .set({
        ...post,
        searchText: htmlToText(post.html),
        updatedAt: new Date(),
        version: sql`${posts.version} + 1`,
      })
      .where(and(eq(posts.id, postId), eq(posts.version, loadedVersion)))
      .returning({ version: posts.version }),
  ]
}

/**
 * Replaces a post's content and categories and records a revision, in one D1 batch, only if the
 * post is still at `loadedVersion`; `saved: false` is a conflict.
 */
export async function updatePost(
  db: Db,
  postId: number,
  loadedVersion: number,
  input: PostInput,
  savedBy: number | null,
  options: { revision?: boolean } = {},
): Promise<SaveResult> {
  const results = await db.batch(
    updatePostStatements(db, postId, loadedVersion, input, savedBy, options),
  )
  const [updated] = results.at(-1) as { version: number }[]
  return updated ? { saved: true, version: updated.version } : { saved: false }
}

/** Takes a post off the site at once; it stays restorable for TRASH_DAYS. */
export async function trashPost(db: Db, postId: number, now = new Date()) {
  await db.batch([
    db.update(posts).set({ deletedAt: now }).where(eq(posts.id, postId)),
    db.update(postsCategories).set({ listedAt: null }).where(eq(postsCategories.postId, postId)),
    bumpContentVersion(db),
  ])
}

export async function restorePostFromTrash(db: Db, postId: number) {
  const [post] = await db.select().from(posts).where(eq(posts.id, postId))
  if (!post) return
  await db.batch([
    db.update(posts).set({ deletedAt: null }).where(eq(posts.id, postId)),
    db
      .update(postsCategories)
      .set({ listedAt: listedAtFor({ ...post, deletedAt: null }) })
      .where(eq(postsCategories.postId, postId)),
    bumpContentVersion(db),
  ])
}

/** Deletes for good what has been in the trash longer than TRASH_DAYS. */
export async function purgeTrash(db: Db, now = Date.now()) {
  const cutoff = new Date(now - TRASH_DAYS * 86_400_000)
  const purged = await db
    .delete(posts)
    .where(and(isNotNull(posts.deletedAt), lt(posts.deletedAt, cutoff)))
    .returning({ id: posts.id })
  return purged.length
}
