import { and, desc, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isListed } from '../../db/listing'
import { authors, posts } from '../../db/schema'
import { SITEMAP_MAX_URLS } from './sitemap-chunks'

/**
 * Every listed post, newest first, for the sitemap: walks the listed posts' partial index, so it
 * reads the listed posts and nothing else (no draft, no trashed or scheduled post). One more than
 * a file takes tells the route to answer with an index of files instead.
 */
export function sitemapPostsQuery(db: Db, now: number) {
  return db
    .select({
      slug: posts.slug,
      authorId: posts.authorId,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
    })
    .from(posts)
    .where(and(isListed, sql`${posts.publishedAt} <= ${now}`))
    .orderBy(desc(posts.publishedAt))
    .limit(SITEMAP_MAX_URLS + 1)
}

export function sitemapAuthorsQuery(db: Db) {
  return db.select({ id: authors.id, slug: authors.slug }).from(authors)
}
