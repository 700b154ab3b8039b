import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { queryInChunks } from '../../db/d1-limits'
import {
  authors,
  categories,
  postRevisions,
  posts,
  postsCategories,
  users,
  type PostStatus,
  type User,
} from '../../db/schema'
import { editsAllContent } from '../auth'
import {
  ADMIN_LIST_ORDER,
  inCategory,
  listedAfter,
  pageOf,
  type AdminListPosition,
} from './admin-list-order'

export const ADMIN_PAGE_SIZE = 20
export const REVISIONS_SHOWN = 20

export type AdminPostFilter = {
  status: PostStatus | 'trash' | null
  categoryId: number | null
  search: string
  /** Where the previous page ended, in the list's order: see `adminListPosition`. */
  after: AdminListPosition | null
  /** Only the posts this account wrote first (an author's or a contributor's list). */
  createdBy?: number | null
}

function titleContains(search: string) {
  const pattern = `%${search.replace(/[%_\\]/g, (char) => `\\${char}`)}%`
  return sql`${posts.title} LIKE ${pattern} ESCAPE '\\'`
}

/** Newest publication first, every status; the trash only when asked for. Pages have their list. */
export async function listAdminPosts(db: Db, filter: AdminPostFilter) {
  const conditions = [
    ne(posts.kind, 'page'),
    filter.status === 'trash' ? isNotNull(posts.deletedAt) : isNull(posts.deletedAt),
    filter.status && filter.status !== 'trash' ? eq(posts.status, filter.status) : undefined,
    filter.search ? titleContains(filter.search) : undefined,
    filter.createdBy ? eq(posts.createdBy, filter.createdBy) : undefined,
    inCategory(db, filter.categoryId),
    listedAfter(filter.after),
  ]
  const rows = await db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      status: posts.status,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      deletedAt: posts.deletedAt,
      authorName: authors.name,
    })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(...conditions))
    .orderBy(...ADMIN_LIST_ORDER)
    .limit(ADMIN_PAGE_SIZE + 1)
  return pageOf(rows, ADMIN_PAGE_SIZE)
}

export async function findPostForEditing(db: Db, id: number) {
  const [post] = await db.select().from(posts).where(eq(posts.id, id)).limit(1)
  if (!post) return null
  const links = await db
    .select({ categoryId: postsCategories.categoryId })
    .from(postsCategories)
    .where(eq(postsCategories.postId, id))
    .orderBy(asc(postsCategories.sortOrder))
  return { ...post, categoryIds: links.map((link) => link.categoryId) }
}

export async function isSlugTaken(db: Db, slug: string, exceptPostId: number | null) {
  const [row] = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).limit(1)
  return row !== undefined && row.id !== exceptPostId
}

/** The first of slug-2, slug-3, … that no post uses. */
/**
 * `slug` itself and every slug that starts with `${slug}-`, in one index range. A range rather
 * than LIKE: D1 refuses LIKE patterns over 50 bytes, and slugs run to 100; '.' sorts right after
 * '-'.
 */
async function slugsFrom(db: Db, slug: string): Promise<Set<string>> {
  const taken = await db
    .select({ slug: posts.slug })
    .from(posts)
    .where(and(gte(posts.slug, slug), lt(posts.slug, `${slug}.`)))
  return new Set(taken.map((row) => row.slug))
}

function firstFreeSuffix(used: Set<string>, slug: string) {
  for (let n = 2; ; n++) if (!used.has(`${slug}-${n}`)) return `${slug}-${n}`
}

/** A free `${slug}-N` to offer when `slug` is taken. */
export async function suggestFreeSlug(db: Db, slug: string) {
  return firstFreeSuffix(await slugsFrom(db, slug), slug)
}

/** `slug` when it is free, else the first free `${slug}-N`. */
export async function freeSlug(db: Db, slug: string): Promise<string> {
  const used = await slugsFrom(db, slug)
  return used.has(slug) ? firstFreeSuffix(used, slug) : slug
}

export async function listRevisions(db: Db, postId: number) {
  return db
    .select({
      id: postRevisions.id,
      title: postRevisions.title,
      createdAt: postRevisions.createdAt,
      savedByName: sql<string | null>`${users.name}`.as('saved_by_name'),
    })
    .from(postRevisions)
    .leftJoin(users, eq(users.id, postRevisions.savedBy))
    .where(and(eq(postRevisions.postId, postId), eq(postRevisions.autosave, false)))
    .orderBy(desc(postRevisions.id))
    .limit(REVISIONS_SHOWN)
}

export async function findRevision(db: Db, postId: number, revisionId: number) {
  const [revision] = await db
    .select()
    .from(postRevisions)
    .where(and(eq(postRevisions.postId, postId), eq(postRevisions.id, revisionId)))
    .limit(1)
  return revision ?? null
}

export async function listAuthors(db: Db) {
  return db.select({ id: authors.id, name: authors.name }).from(authors).orderBy(asc(authors.name))
}

/**
 * The byline a new post or note starts with: the person's own profile; for the owner and editors
 * without one, the first author. Authors and contributors without one get none (they may not sign
 * as someone else).
 */
export async function defaultBylineId(
  db: Db,
  editor: Pick<User, 'role' | 'authorId'>,
): Promise<number | undefined> {
  if (editor.authorId) return editor.authorId
  if (!editsAllContent(editor)) return undefined
  return (await listAuthors(db))[0]?.id
}

export async function listCategories(db: Db) {
  return db
    .select({ id: categories.id, name: categories.name, slug: categories.slug })
    .from(categories)
    .orderBy(asc(categories.name))
}

export async function existingIds(db: Db, table: 'authors' | 'categories', ids: number[]) {
  const source = table === 'authors' ? authors : categories
  const rows = await queryInChunks(ids, (slice) =>
    db.select({ id: source.id }).from(source).where(inArray(source.id, slice)),
  )
  return new Set(rows.map((row) => row.id))
}
