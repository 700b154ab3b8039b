/**
 * Whether `error` is SQLite refusing a duplicate in `column` (`table.column`). Drizzle wraps D1's
 * error ("Failed query: …") and keeps the database's own message in `cause`, so the whole chain
 * is read.
 */
export function isUniqueViolation(error: unknown, column: string): boolean {
  const expected = `UNIQUE constraint failed: ${column}`
  for (let current = error; current instanceof Error; current = current.cause)
    if (current.message.includes(expected)) return true
  return false
}
