import { and, eq, isNotNull, lt, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from './client'
import { htmlToText } from '../lib/plain-text'
import { listedAtFor } from './listing'
import { postMediaLinks } from './media'
import { slugChangeRedirectStatements } from './redirects'
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

function categoryLinks(db: Db, postId: number | SQL, input: PostInput) {
  const listedAt = listedAtFor(input)
  const links: {
    postId: number | SQL
    categoryId: number | SQL
    sortOrder: number
    listedAt: Date | null
  }[] = input.categoryIds.map((categoryId, sortOrder) => ({
    postId,
    categoryId,
    sortOrder,
    listedAt,
  }))
  const statements: BatchItem<'sqlite'>[] = []
  if (input.newCategory) {
    const { slug, name } = input.newCategory
    statements.push(db.insert(categories).values({ slug, name }).onConflictDoNothing())
    links.push({
      postId,
      categoryId: sql`(SELECT id FROM categories WHERE slug = ${slug})`,
      sortOrder: links.length,
      listedAt,
    })
  }
  if (links.length > 0)
    statements.push(db.insert(postsCategories).values(links).onConflictDoNothing())
  return statements
}

function revision(db: Db, postId: number | SQL, input: PostInput, savedBy: number | null) {
  const { title, excerpt, markdown } = input
  return db.insert(postRevisions).values({ postId, title, excerpt, markdown, savedBy })
}

/** A new post, its categories and its first revision in one D1 batch: all written, or none. */
export async function createPost(db: Db, input: PostInput, savedBy: number | null = null) {
  const { categoryIds, newCategory, ...post } = input
  const postId = sql`(SELECT id FROM posts WHERE slug = ${post.slug})`
  const statements: Statements = [
    db.insert(posts).values({ ...post, searchText: htmlToText(post.html) }),
    ...categoryLinks(db, postId, input),
    ...postMediaLinks(db, postId, input.html),
    revision(db, postId, input, savedBy),
  ]
  await db.batch(statements)
  const [created] = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, post.slug))
  return created.id
}

/**
 * Replaces a post's content and categories and records a revision, in one D1 batch; a listed
 * post's old address redirects to its new slug.
 */
export async function updatePost(db: Db, postId: number, input: PostInput, savedBy: number | null) {
  const { categoryIds, newCategory, ...post } = input
  const [redirectFirst, ...redirectRest] = slugChangeRedirectStatements(
    db,
    postId,
    post.slug,
    Date.now(),
  )
  await db.batch([
    redirectFirst,
    ...redirectRest,
    db
      .update(posts)
      .set({ ...post, searchText: htmlToText(post.html), updatedAt: new Date() })
      .where(eq(posts.id, postId)),
    db.delete(postsCategories).where(eq(postsCategories.postId, postId)),
    ...categoryLinks(db, postId, input),
    ...postMediaLinks(db, postId, input.html),
    revision(db, postId, input, savedBy),
  ])
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
