import type { Db } from './client'
import { chunk } from './d1-limits'

/**
 * Rows travel as one JSON parameter read with `json_each`: a statement for hundreds of rows
 * stays far under D1's 100 bound parameters, and each statement costs time of its own. These are
 * plain D1 statements (Drizzle cannot batch raw SQL); `runStatements` runs them.
 */
export const JSON_ROWS = 400

/**
 * Bytes of JSON one statement binds at most: D1 refuses a string over 2 MB, and the same text
 * is sent again for each statement that reads it.
 */
export const JSON_BYTES = 1_000_000

const encoder = new TextEncoder()

/**
 * The rows as JSON arrays of at most `maxRows` rows and `JSON_BYTES` bytes (a larger row alone).
 * A caller whose statements are few and cheap per row may take more rows per statement.
 */
export function jsonChunks(rows: readonly unknown[], maxRows = JSON_ROWS): string[] {
  const chunks: string[] = []
  let part: string[] = []
  let bytes = 0
  for (const row of rows) {
    const json = JSON.stringify(row)
    const size = encoder.encode(json).byteLength + 1
    if (part.length && (part.length === maxRows || bytes + size > JSON_BYTES)) {
      chunks.push(`[${part.join(',')}]`)
      part = []
      bytes = 0
    }
    part.push(json)
    bytes += size
  }
  if (part.length) chunks.push(`[${part.join(',')}]`)
  return chunks
}

/** Each statement gets the JSON rows as ?1, then its own parameters. */
export function jsonRows<T>(db: Db, rows: T[], statements: [sql: string, ...params: unknown[]][]) {
  return jsonChunks(rows).flatMap((json) =>
    statements.map(([text, ...params]) => db.$client.prepare(text).bind(json, ...params)),
  )
}

/** `json_extract` of a field of the row `json_each` is at (`value`, or `<alias>.value`). */
export const field = (name: string, row = '') =>
  `json_extract(${row && `${row}.`}value, '$.${name}')`

/** Plain statements in batches of `size`, each batch all-or-nothing. */
export async function runStatements(db: Db, statements: D1PreparedStatement[], size = 300) {
  for (const part of chunk(statements, size)) await db.$client.batch(part)
}
