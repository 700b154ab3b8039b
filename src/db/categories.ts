import { eq } from 'drizzle-orm'
import { slugify } from '../lib/slug'
import type { Db } from './client'
import { bumpContentVersion } from './content-version'
import { categories } from './schema'

export async function findCategoryBySlug(db: Db, slug: string) {
  const [category] = await db.select().from(categories).where(eq(categories.slug, slug)).limit(1)
  return category ?? null
}

export async function createCategory(
  db: Db,
  input: { slug: string; name: string; description?: string },
) {
  const [[category]] = await db.batch([
    db.insert(categories).values(input).returning(),
    bumpContentVersion(db),
  ])
  return category
}

/** A new name or description shows on every page that lists the category, at once. */
export async function updateCategory(
  db: Db,
  categoryId: number,
  input: { name: string; description?: string },
) {
  await db.batch([
    db
      .update(categories)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(categories.id, categoryId)),
    bumpContentVersion(db),
  ])
}

/** The category with this name's slug, created if it does not exist yet. */
export async function findOrCreateCategory(db: Db, name: string) {
  const slug = slugify(name)
  const existing = await findCategoryBySlug(db, slug)
  return existing ?? createCategory(db, { slug, name: name.trim() })
}
