import { inArray, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../../db/client'
import { chunk, rowsPerStatement } from '../../../db/d1-limits'
import { field, jsonRows } from '../../../db/json-rows'
import { namedRowsStatements } from '../../../db/named-rows'
import { redirectQueryNamesRows } from '../../../db/redirect-query-names'
import { authors, categories, importedItems, posts, redirects } from '../../../db/schema'

export { runStatements } from '../../../db/json-rows'

/** The table each kind of imported item lands in. */
const TABLES = { post: 'posts', author: 'authors', category: 'categories' } as const

/** Keys one `IN (…)` binds, within D1's 100 bound parameters. */
export const IN_CHUNK = rowsPerStatement(1, 10)

/** A list bound as one JSON parameter, for `IN (…)` over many values in one statement. */
export const jsonList = (values: readonly unknown[]) =>
  sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`

/** How many values one lookup binds as JSON: one parameter however many, kept to a sane size. */
export const LOOKUP_CHUNK = 500

export type ImportedItem = typeof importedItems.$inferSelect

export async function findImportedItems(db: Db, keys: string[]) {
  const found = new Map<string, ImportedItem>()
  for (const part of chunk(keys, LOOKUP_CHUNK)) {
    const rows = await db
      .select()
      .from(importedItems)
      .where(inArray(importedItems.sourceKey, jsonList(part)))
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
  for (const part of chunk([...new Set(slugs)], LOOKUP_CHUNK)) {
    const rows = await db
      .select({ id: table.id, slug: table.slug })
      .from(table)
      .where(inArray(table.slug, jsonList(part)))
    for (const row of rows) found.set(row.slug, row.id)
  }
  return found
}

export const authorIdsBySlug = (db: Db, slugs: string[]) => idsBySlug(db, authors, slugs)
export const categoryIdsBySlug = (db: Db, slugs: string[]) => idsBySlug(db, categories, slugs)
export const postIdsBySlug = (db: Db, slugs: string[]) => idsBySlug(db, posts, slugs)

/**
 * Records that `sourceKey` became the row of `table` with this slug, in the caller's batch. An
 * existing record is only changed when `onlyIf` holds (the post still at the version read).
 */
export function rememberImported(
  db: Db,
  item: { sourceKey: string; kind: ImportedItem['kind']; slug: string; contentHash?: string },
  onlyIf?: SQL,
): BatchItem<'sqlite'> {
  const contentHash = item.contentHash ?? ''
  return db
    .insert(importedItems)
    .values({
      sourceKey: item.sourceKey,
      kind: item.kind,
      targetId: sql`(SELECT id FROM ${sql.identifier(TABLES[item.kind])} WHERE slug = ${item.slug})`,
      contentHash,
    })
    .onConflictDoUpdate({
      target: importedItems.sourceKey,
      set: {
        targetId: sql`excluded.target_id`,
        contentHash,
        updatedAt: new Date(),
      },
      setWhere: onlyIf,
    })
}

/**
 * Runs groups of statements in D1 batches of about `size` statements, in order; a group (one
 * post's writes, conditioned on its version) is never split, and each batch is all-or-nothing.
 * Few large batches: each one is a round trip, and that is what an import's time goes to.
 */
export async function runBatches(db: Db, groups: BatchItem<'sqlite'>[][], size = 300) {
  let batch: BatchItem<'sqlite'>[] = []
  const flush = async () => {
    if (batch.length) await db.batch(batch as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
    batch = []
  }
  for (const group of groups) {
    if (batch.length + group.length > size) await flush()
    batch.push(...group)
  }
  await flush()
}

/** Current slug, version and last edit of posts by id (imported posts, to update them in place). */
export async function postsById(db: Db, ids: number[]) {
  const found = new Map<number, { slug: string; version: number; updatedAt: Date }>()
  for (const part of chunk([...new Set(ids)], IN_CHUNK)) {
    const rows = await db
      .select({
        id: posts.id,
        slug: posts.slug,
        version: posts.version,
        updatedAt: posts.updatedAt,
      })
      .from(posts)
      .where(inArray(posts.id, part))
    for (const row of rows) found.set(row.id, row)
  }
  return found
}

/** Where each of these old addresses redirects today, if anywhere. */
export async function redirectTargets(db: Db, fromPaths: string[]) {
  const found = new Map<string, string>()
  for (const part of chunk([...new Set(fromPaths)], LOOKUP_CHUNK)) {
    const rows = await db
      .select({ fromPath: redirects.fromPath, toPath: redirects.toPath })
      .from(redirects)
      .where(inArray(redirects.fromPath, jsonList(part)))
    for (const row of rows) found.set(row.fromPath, row.toPath)
  }
  return found
}

/**
 * Records that each `key` became the row of its kind with this slug (found by slug), with the
 * content hash of what was imported: the set-wise `rememberImported`.
 */
export function importedRowsStatements(
  db: Db,
  kind: ImportedItem['kind'],
  rows: { key: string; slug: string; hash?: string }[],
  now = Date.now(),
) {
  return jsonRows(db, rows, [
    [
      `INSERT INTO imported_items (source_key, kind, target_id, content_hash)
          SELECT ${field('key')}, ?2, t.id, coalesce(${field('hash')}, '') FROM json_each(?1)
          JOIN ${TABLES[kind]} t ON t.slug = ${field('slug')} WHERE true
          ON CONFLICT (source_key) DO UPDATE SET target_id = excluded.target_id,
            content_hash = excluded.content_hash, updated_at = ?3`,
      kind,
      now,
    ],
  ])
}

/** Authors or categories not here yet (by slug), and the source keys that lead to them. */
export function insertNamedRows(
  db: Db,
  kind: 'author' | 'category',
  rows: { key: string; slug: string; name: string; text: string }[],
  now = Date.now(),
) {
  return [...namedRowsStatements(db, kind, rows), ...importedRowsStatements(db, kind, rows, now)]
}

/**
 * Many redirects at once, with the same rules as one: redirects that led to an old address now
 * lead to its new one, and an address that is live again is no longer redirected. Pairs must
 * already be collapsed among themselves (no `to` that is another pair's `from`).
 */
export function redirectRowsStatements(
  db: Db,
  pairs: { from: string; to: string }[],
  now = Date.now(),
) {
  const rows = jsonRows(db, pairs, [
    [
      `UPDATE redirects SET to_path = (SELECT ${field('to')} FROM json_each(?1)
            WHERE ${field('from')} = redirects.to_path)
          WHERE to_path IN (SELECT ${field('from')} FROM json_each(?1))`,
    ],
    [
      `INSERT INTO redirects (from_path, to_path, created_at)
          SELECT ${field('from')}, ${field('to')}, ?2 FROM json_each(?1) WHERE true
          ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path, created_at = ?2`,
      now,
    ],
    [`DELETE FROM redirects WHERE from_path IN (SELECT ${field('to')} FROM json_each(?1))`],
  ])
  return [
    ...rows,
    ...redirectQueryNamesRows(
      db,
      pairs.map((pair) => pair.from),
    ),
  ]
}
