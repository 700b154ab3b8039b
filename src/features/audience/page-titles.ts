import { inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { queryInChunks } from '../../db/d1-limits'
import { authors, categories, posts } from '../../db/schema'

const KINDS = [
  { prefix: '/posts/', table: posts, label: posts.title },
  { prefix: '/categories/', table: categories, label: categories.name },
  { prefix: '/authors/', table: authors, label: authors.name },
] as const

/** Counted paths are percent-encoded (visitor.ts): a slug in any script is looked up decoded. */
function decodedSlug(segment: string) {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** The title of each post, category and author page among `paths`, by path. */
export async function titlesForPaths(db: Db, paths: string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>()
  await Promise.all(
    KINDS.map(async ({ prefix, table, label }) => {
      const slugs = paths
        .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
        .map((path) => decodedSlug(path.slice(prefix.length)))
      if (slugs.length === 0) return
      const rows = await queryInChunks(slugs, (slice) =>
        db.select({ slug: table.slug, label }).from(table).where(inArray(table.slug, slice)),
      )
      for (const row of rows) titles.set(prefix + encodeURIComponent(row.slug), row.label)
    }),
  )
  return titles
}
