import type { BatchItem } from 'drizzle-orm/batch'
import { queryNamesOf } from '../lib/query-parts'
import type { Db } from './client'
import { jsonChunks } from './json-rows'
import { redirectQueryNames } from './schema'

/** The statement keeping the parameter names of an old address (`p` for `/?p=12`), if it has any. */
export function redirectQueryNamesStatement(db: Db, fromPath: string): BatchItem<'sqlite'>[] {
  const names = queryNamesOf(fromPath)
  if (names.length === 0) return []
  return [
    db
      .insert(redirectQueryNames)
      .values(names.map((name) => ({ name })))
      .onConflictDoNothing(),
  ]
}

/** The same for many old addresses, as plain statements binding the names as JSON. */
export function redirectQueryNamesRows(db: Db, fromPaths: string[]): D1PreparedStatement[] {
  const names = [...new Set(fromPaths.flatMap(queryNamesOf))]
  return jsonChunks(names).map((json) =>
    db.$client
      .prepare('INSERT OR IGNORE INTO redirect_query_names (name) SELECT value FROM json_each(?1)')
      .bind(json),
  )
}
