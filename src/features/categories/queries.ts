import { and, eq, lte, sql } from 'drizzle-orm'
import { slugify } from '../../lib/slug'
import type { Db } from '../../db/client'
import { categories, postsCategories } from '../../db/schema'

export async function findCategoryBySlug(db: Db, slug: string) {
  const [category] = await db.select().from(categories).where(eq(categories.slug, slug)).limit(1)
  return category ?? null
}

export async function createCategory(
  db: Db,
  input: { slug: string; name: string; description?: string },
) {
  const [category] = await db.insert(categories).values(input).returning()
  return category
}

/** A new name or description shows on every page that lists the category, at once. */
export async function updateCategory(
  db: Db,
  categoryId: number,
  input: { name: string; description?: string },
) {
  await db
    .update(categories)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(categories.id, categoryId))
}

/** The category with this name's slug, created if it does not exist yet. */
export async function findOrCreateCategory(db: Db, name: string) {
  const slug = slugify(name)
  const existing = await findCategoryBySlug(db, slug)
  return existing ?? createCategory(db, { slug, name: name.trim() })
}

export type CategoryWithCount = {
  slug: string
  name: string
  description: string
  posts: number
  lastPostAt: number
}

/**
 * Categories that have listed posts, with how many, by name. Counts the covering index of listed
 * links only, so it reads one row per listed post in a category, never a post row.
 */
export function categoriesWithCountsQuery(db: Db, now: number) {
  return db
    .select({
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      posts: sql<number>`count(*)`,
      lastPostAt: sql<number>`max(${postsCategories.listedAt})`,
    })
    .from(postsCategories)
    .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
    .where(
      and(
        sql`${postsCategories.listedAt} IS NOT NULL`,
        lte(postsCategories.listedAt, new Date(now)),
      ),
    )
    .groupBy(categories.id)
    .orderBy(sql`${categories.name} COLLATE NOCASE`)
}
