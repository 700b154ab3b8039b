import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isListed } from '../../db/listing'
import { authors, posts, postsCategories } from '../../db/schema'

/**
 * Addresses per sitemap file: under the protocol's 50,000 (and its 50 MB), so a file never has
 * to be cut at the last moment. Past it, `/sitemap.xml` becomes an index of `/sitemap-<n>.xml`.
 */
export const SITEMAP_MAX_URLS = 45_000

const listedNow = (now: number) => and(isListed, sql`${posts.publishedAt} <= ${now}`)

/** How many listed posts there are, and the newest date any of them carries. */
export function sitemapPostTotalsQuery(db: Db, now: number) {
  return db
    .select({
      posts: sql<number>`count(*)`,
      newest: sql<number | null>`max(max(${posts.publishedAt}), max(${posts.updatedAt}))`,
    })
    .from(posts)
    .where(listedNow(now))
}

/** How many categories and authors have a listed post (each has a page in the sitemap). */
export function sitemapTermTotalsQuery(db: Db, now: number) {
  return db
    .select({
      categories: sql<number>`(SELECT count(DISTINCT ${postsCategories.categoryId}) FROM ${postsCategories}
        WHERE ${postsCategories.listedAt} IS NOT NULL AND ${postsCategories.listedAt} <= ${now})`,
      authors: sql<number>`count(DISTINCT ${posts.authorId})`,
    })
    .from(posts)
    .where(listedNow(now))
}

/** Authors with a listed post, by slug, with their latest one; `offset`/`limit` slice them. */
export function sitemapAuthorSliceQuery(db: Db, now: number, offset: number, limit: number) {
  return db
    .select({ slug: authors.slug, lastPostAt: sql<number>`max(${posts.publishedAt})` })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(listedNow(now))
    .groupBy(posts.authorId)
    .orderBy(asc(authors.slug))
    .limit(limit)
    .offset(offset)
}

/** Listed posts, oldest first, so a new post only changes the last file. */
export function sitemapPostSliceQuery(db: Db, now: number, offset: number, limit: number) {
  return db
    .select({ slug: posts.slug, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt })
    .from(posts)
    .where(listedNow(now))
    .orderBy(asc(posts.publishedAt), asc(posts.feedOrderId))
    .limit(limit)
    .offset(offset)
}
