import type { Db } from './client'
import { field, jsonRows } from './json-rows'

/** Authors or categories not here yet (by slug), in the caller's batch. */
export function namedRowsStatements(
  db: Db,
  kind: 'author' | 'category',
  rows: { slug: string; name: string; text: string }[],
) {
  const textColumn = kind === 'author' ? 'bio' : 'description'
  return jsonRows(db, rows, [
    [
      `INSERT INTO ${kind === 'author' ? 'authors' : 'categories'} (slug, name, ${textColumn})
          SELECT ${field('slug')}, ${field('name')}, ${field('text')} FROM json_each(?1) WHERE true
          ON CONFLICT (slug) DO NOTHING`,
    ],
  ])
}
