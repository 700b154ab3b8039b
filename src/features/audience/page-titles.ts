import { and, inArray, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { queryInChunks } from '../../db/d1-limits'
import { isPage } from '../../db/listing'
import { authors, categories, posts } from '../../db/schema'

const KINDS: {
  prefix: string
  table: typeof posts | typeof categories | typeof authors
  label: typeof posts.title | typeof categories.name | typeof authors.name
  only?: SQL
}[] = [
  { prefix: '/posts/', table: posts, label: posts.title },
  { prefix: '/categories/', table: categories, label: categories.name },
  { prefix: '/authors/', table: authors, label: authors.name },
  // A page at the root (`/a-propos`): any other one-segment path finds no page.
  { prefix: '/', table: posts, label: posts.title, only: isPage },
]

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
    KINDS.map(async ({ prefix, table, label, only }) => {
      const slugs = paths
        .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
        .map((path) => decodedSlug(path.slice(prefix.length)))
      if (slugs.length === 0) return
      const rows = await queryInChunks(slugs, (slice) =>
        db
          .select({ slug: table.slug, label })
          .from(table)
          .where(and(inArray(table.slug, slice), only)),
      )
      for (const row of rows) titles.set(prefix + encodeURIComponent(row.slug), row.label)
    }),
  )
  return titles
}
