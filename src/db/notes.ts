import { and, eq, gt, lt, or } from 'drizzle-orm'
import type { Db } from './client'
import { posts } from './schema'

/**
 * `slug`, or `slug-2`, `slug-3`… when taken. A range on the unique index instead of a LIKE, whose
 * pattern D1 limits to 50 bytes while a slug may be 80: from "slug-" up to "slug." is "slug-*".
 */
export async function freeSlug(db: Db, slug: string): Promise<string> {
  const rows = await db
    .select({ slug: posts.slug })
    .from(posts)
    .where(or(eq(posts.slug, slug), and(gt(posts.slug, `${slug}-`), lt(posts.slug, `${slug}.`))))
  const used = new Set(rows.map((row) => row.slug))
  if (!used.has(slug)) return slug
  for (let n = 2; ; n++) if (!used.has(`${slug}-${n}`)) return `${slug}-${n}`
}
