import { and, eq, isNotNull, lt, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../db/client'
import { htmlToText } from '../../lib/plain-text'
import { chunk, rowsPerStatement } from '../../db/d1-limits'
import { listedAtFor } from '../../db/listing'
import { slugChangeRedirectStatements } from '../redirects'
import { mediaKeysIn, postMediaLinks } from '../media'
import { namedRowsStatements } from '../../db/named-rows'
import { field, jsonRows, runStatements } from '../../db/json-rows'
import {
  categories,
  postRevisions,
  posts,
  postsCategories,
  type Language,
  type PostKind,
  type PostStatus,
} from '../../db/schema'

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
  /** Readers may comment (left unchanged when absent; open for a new post). */
  commentsOpen?: boolean
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

/** A `posts` row as `createPostsStatements` sends it; absent optional fields take the columns' defaults. */
function newPostRow(input: PostInput, createdBy: number | null) {
  return {
    createdBy,
    slug: input.slug,
    title: input.title,
    excerpt: input.excerpt,
    markdown: input.markdown,
    html: input.html,
    status: input.status,
    language: input.language,
    publishedAt: input.publishedAt?.getTime() ?? null,
    authorId: input.authorId,
    kind: input.kind ?? 'post',
    sourceUrl: input.sourceUrl ?? '',
    sourceSiteName: input.sourceSiteName ?? '',
    sourcePublishedAt: input.sourcePublishedAt ?? '',
    featuredMediaId: input.featuredMediaId ?? null,
    featuredImageAlt: input.featuredImageAlt ?? '',
    commentsOpen: input.commentsOpen === false ? 0 : 1,
    searchText: htmlToText(input.html),
  }
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** What the statements after the `posts` insert need of each new post, found again by its slug. */
function newPostLinks(input: PostInput) {
  return {
    slug: input.slug,
    listedAt: listedAtFor(input)?.getTime() ?? null,
    /** Category ids, then the new category's slug; the position is the link's sort order. */
    categories: [...input.categoryIds, ...(input.newCategory ? [input.newCategory.slug] : [])],
    mediaKeys: mediaKeysIn(input.html),
  }
}

const joinNewPost = `JOIN posts p ON p.slug = ${field('slug', 'r')}`

/**
 * The statements that create posts (for one, a list of one), whatever their number: rows travel
 * as JSON (db/json-rows), and what refers to a new post finds it by its unique slug. Each post
 * gets its row (with the search text), its category links in order (a new category typed in the
 * form is created unless its slug exists), its body and featured images' links and its first
 * revision. The caller runs them in one batch (`runStatements`).
 */
export function createPostsStatements(
  db: Db,
  inputs: PostInput[],
  savedBy: number | null = null,
): D1PreparedStatement[] {
  const rows = inputs.map((input) => newPostRow(input, savedBy))
  const columns = Object.keys(rows[0] ?? {})
  const links = inputs.map(newPostLinks)
  const newCategories = inputs.flatMap((i) =>
    i.newCategory ? [{ ...i.newCategory, text: '' }] : [],
  )
  return [
    ...jsonRows(db, rows, [
      [
        `INSERT INTO posts (${columns.map(snakeCase).join(', ')})
          SELECT ${columns.map((name) => field(name)).join(', ')}
          FROM json_each(?1) ORDER BY key`,
      ],
    ]),
    ...namedRowsStatements(db, 'category', newCategories),
    ...jsonRows(db, links, [
      [
        `INSERT INTO posts_categories (post_id, category_id, sort_order, listed_at)
          SELECT p.id, CASE link.type WHEN 'integer' THEN link.value
              ELSE (SELECT id FROM categories WHERE slug = link.value) END,
            link.key, ${field('listedAt', 'r')}
          FROM json_each(?1) r ${joinNewPost} JOIN json_each(r.value, '$.categories') link WHERE true
          ON CONFLICT DO NOTHING`,
      ],
      [
        `INSERT INTO posts_media (post_id, media_id, role)
          SELECT p.id, m.id, 'body' FROM json_each(?1) r ${joinNewPost}
            JOIN json_each(r.value, '$.mediaKeys') k JOIN media m ON m.key = k.value
          UNION ALL
          SELECT p.id, p.featured_media_id, 'featured' FROM json_each(?1) r ${joinNewPost}
            WHERE p.featured_media_id IS NOT NULL
          ON CONFLICT DO NOTHING`,
      ],
      [
        `INSERT INTO post_revisions (post_id, title, excerpt, markdown, saved_by, autosave)
          SELECT p.id, p.title, p.excerpt, p.markdown, ?2, 0 FROM json_each(?1) r ${joinNewPost}
          ORDER BY r.key`,
        savedBy,
      ],
    ]),
  ]
}

/** A new post, its categories and its first revision in one D1 batch: all written, or none. */
export async function createPost(db: Db, input: PostInput, savedBy: number | null = null) {
  await runStatements(db, createPostsStatements(db, [input], savedBy))
  const [created] = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, input.slug))
  return created.id
}

export type SaveResult = { saved: true; version: number } | { saved: false }

type UpdateOptions = {
  revision?: boolean
  also?: (stillLoaded: SQL) => BatchItem<'sqlite'>[]
}

/**
 * The statements that save a post as loaded at `loadedVersion`, for callers that batch several
 * writes together. Every statement is conditioned on that version and the one that raises it comes
 * last (returning the new version), so in one batch either all apply or none does. A listed post's
 * old address redirects to its new slug. A revision is
 * recorded unless told not to (an autosave records one only every few minutes); any autosaved
 * text is now stale. `also` are more statements for the same batch, given the condition that the
 * post is still at `loadedVersion`.
 */
export function updatePostStatements(
  db: Db,
  postId: number,
  loadedVersion: number,
  input: PostInput,
  savedBy: number | null,
  options: UpdateOptions = {},
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
    ...(options.also?.(sql`EXISTS (SELECT 1 FROM posts WHERE ${target})`) ?? []),
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
  options: UpdateOptions = {},
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
