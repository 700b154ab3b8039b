import { inArray, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from './client'
import { authors, categories, importedItems, posts, redirects } from './schema'

/** Keys a statement binds at most: D1 refuses past 100 bound parameters. */
export const IN_CHUNK = 90

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export type ImportedItem = typeof importedItems.$inferSelect

export async function findImportedItems(db: Db, keys: string[]) {
  const found = new Map<string, ImportedItem>()
  for (const part of chunks(keys)) {
    const rows = await db.select().from(importedItems).where(inArray(importedItems.sourceKey, part))
    for (const row of rows) found.set(row.sourceKey, row)
  }
  return found
}

async function idsBySlug(
  db: Db,
  table: typeof authors | typeof categories | typeof posts,
  slugs: string[],
) {
  const found = new Map<string, number>()
  for (const part of chunks([...new Set(slugs)])) {
    const rows = await db
      .select({ id: table.id, slug: table.slug })
      .from(table)
      .where(inArray(table.slug, part))
    for (const row of rows) found.set(row.slug, row.id)
  }
  return found
}

export const authorIdsBySlug = (db: Db, slugs: string[]) => idsBySlug(db, authors, slugs)
export const categoryIdsBySlug = (db: Db, slugs: string[]) => idsBySlug(db, categories, slugs)
export const postIdsBySlug = (db: Db, slugs: string[]) => idsBySlug(db, posts, slugs)

/** Records that `sourceKey` became the row of `table` with this slug, in the caller's batch. */
export function rememberImported(
  db: Db,
  item: { sourceKey: string; kind: ImportedItem['kind']; slug: string; contentHash?: string },
): BatchItem<'sqlite'> {
  const table = { post: 'posts', author: 'authors', category: 'categories' }[item.kind]
  const contentHash = item.contentHash ?? ''
  return db
    .insert(importedItems)
    .values({
      sourceKey: item.sourceKey,
      kind: item.kind,
      targetId: sql`(SELECT id FROM ${sql.identifier(table)} WHERE slug = ${item.slug})`,
      contentHash,
    })
    .onConflictDoUpdate({
      target: importedItems.sourceKey,
      set: {
        targetId: sql`excluded.target_id`,
        contentHash,
        updatedAt: new Date(),
      },
    })
}

export function insertAuthorIfMissing(db: Db, author: { slug: string; name: string; bio: string }) {
  return db.insert(authors).values(author).onConflictDoNothing()
}

export function insertCategoryIfMissing(
  db: Db,
  category: { slug: string; name: string; description: string },
) {
  return db.insert(categories).values(category).onConflictDoNothing()
}

/** Runs statements in D1 batches of at most `size`; each batch is all-or-nothing. */
export async function runBatches(db: Db, statements: BatchItem<'sqlite'>[], size = 50) {
  for (const part of chunks(statements, size))
    if (part.length) await db.batch(part as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}

/** Current slug and last edit of posts by id (imported posts, to update them in place). */
export async function postsById(db: Db, ids: number[]) {
  const found = new Map<number, { slug: string; updatedAt: Date }>()
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .select({ id: posts.id, slug: posts.slug, updatedAt: posts.updatedAt })
      .from(posts)
      .where(inArray(posts.id, part))
    for (const row of rows) found.set(row.id, row)
  }
  return found
}

/** Where each of these old addresses redirects today, if anywhere. */
export async function redirectTargets(db: Db, fromPaths: string[]) {
  const found = new Map<string, string>()
  for (const part of chunks([...new Set(fromPaths)])) {
    const rows = await db
      .select({ fromPath: redirects.fromPath, toPath: redirects.toPath })
      .from(redirects)
      .where(inArray(redirects.fromPath, part))
    for (const row of rows) found.set(row.fromPath, row.toPath)
  }
  return found
}
