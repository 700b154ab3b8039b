import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isPage, isPublishedPage } from '../../db/listing'
import { posts } from '../../db/schema'
import { postImagesQuery, toPostImages } from '../media'

export type PublishedPage = Awaited<ReturnType<typeof findPublishedPage>>

/** A page readers may open, by its slug, with its images: one round trip, seeks of the slug index. */
export async function findPublishedPage(db: Db, slug: string) {
  const [[page], images] = await db.batch([
    db
      .select({
        id: posts.id,
        slug: posts.slug,
        title: posts.title,
        excerpt: posts.excerpt,
        html: posts.html,
        language: posts.language,
        publishedAt: posts.publishedAt,
        updatedAt: posts.updatedAt,
      })
      .from(posts)
      .where(and(eq(posts.slug, slug), isPublishedPage))
      .limit(1),
    postImagesQuery(db, sql`(SELECT ${posts.id} FROM ${posts} WHERE ${posts.slug} = ${slug})`),
  ])
  return page ? { ...page, images: toPostImages(images) } : null
}

/** A page's images (an editor's preview of a page not yet published). */
export async function pageImages(db: Db, pageId: number) {
  return toPostImages(await postImagesQuery(db, sql`${pageId}`))
}

/** How many pages the admin list shows: a site has a handful, not thousands. */
export const ADMIN_PAGES_SHOWN = 500

/** Every page, the trashed ones last, by title. */
export function listAdminPages(db: Db) {
  return db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      status: posts.status,
      deletedAt: posts.deletedAt,
      updatedAt: posts.updatedAt,
    })
    .from(posts)
    .where(isPage)
    .orderBy(sql`${posts.deletedAt} IS NOT NULL`, asc(posts.title))
    .limit(ADMIN_PAGES_SHOWN)
}

/**
 * The published pages for the sitemap (at most ADMIN_PAGES_SHOWN), by title: the kind index's
 * range, nothing else read. `offset`/`limit` slice them for one file of a sitemap index.
 */
export function sitemapPagesQuery(db: Db, offset = 0, limit = ADMIN_PAGES_SHOWN) {
  return db
    .select({ slug: posts.slug, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt })
    .from(posts)
    .where(isPublishedPage)
    .orderBy(asc(posts.title), asc(posts.id))
    .limit(Math.max(0, Math.min(limit, ADMIN_PAGES_SHOWN - offset)))
    .offset(offset)
}

/** How many pages the sitemap lists (`sitemapPagesQuery`'s rows). */
export function sitemapPageCountQuery(db: Db) {
  return db
    .select({ pages: sql<number>`min(count(*), ${ADMIN_PAGES_SHOWN})` })
    .from(posts)
    .where(isPublishedPage)
}
