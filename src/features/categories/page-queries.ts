import { and, asc, desc, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { categories, postsCategories } from '../../db/schema'

/** Categories per page of `/categories`, and how many of the most used lead its first page. */
export const CATEGORIES_PER_PAGE = 200
export const TOP_CATEGORIES = 20

export type CategoryListItem = { slug: string; name: string; description: string; posts: number }

const listedLinks = (now: number) =>
  sql`${postsCategories.listedAt} IS NOT NULL AND ${postsCategories.listedAt} <= ${now}`

/**
 * One page of the categories that have listed posts, by slug, after `after`: walks the slug
 * index and, for each category, its listed links in the feed index, so a blog with 10,000
 * categories reads one page of them, not all. `next` is the slug to continue after.
 */
export async function listCategoryPage(
  db: Db,
  now: number,
  after: string | null,
  limit = CATEGORIES_PER_PAGE,
): Promise<{ categories: CategoryListItem[]; next: string | null }> {
  const linksOf = sql`FROM ${postsCategories} WHERE ${postsCategories.categoryId} = ${categories.id}
    AND ${listedLinks(now)}`
  const rows = await db
    .select({
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      posts: sql<number>`(SELECT count(*) ${linksOf})`,
    })
    .from(categories)
    .where(and(after ? gt(categories.slug, after) : undefined, sql`EXISTS (SELECT 1 ${linksOf})`))
    .orderBy(asc(categories.slug))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  return {
    categories: page,
    next: rows.length > limit ? page[page.length - 1].slug : null,
  }
}

/** The categories with the most listed posts, most first. */
export function topCategoriesQuery(db: Db, now: number, limit = TOP_CATEGORIES) {
  return db
    .select({
      slug: categories.slug,
      name: categories.name,
      description: sql<string>`''`,
      posts: sql<number>`count(*)`,
    })
    .from(postsCategories)
    .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
    .where(listedLinks(now))
    .groupBy(postsCategories.categoryId)
    .orderBy(desc(sql`count(*)`), asc(categories.slug))
    .limit(limit)
}
