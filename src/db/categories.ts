import { eq } from 'drizzle-orm'
import type { Db } from './client'
import { categories } from './schema'

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
