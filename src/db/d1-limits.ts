/**
 * D1 binds at most 100 parameters per statement ("too many SQL variables" beyond), far below
 * SQLite's own limit. Every `IN (…)` list and multi-row insert is split with these helpers.
 */
export const D1_MAX_BOUND_PARAMETERS = 100

/** `items` in consecutive slices of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size ${size}`)
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size))
  return chunks
}

/**
 * How many rows of `parametersPerRow` bound values fit one statement, leaving `reserved`
 * parameters for the rest of it (a WHERE clause, a constant column).
 */
export function rowsPerStatement(parametersPerRow: number, reserved = 0): number {
  return Math.max(1, Math.floor((D1_MAX_BOUND_PARAMETERS - reserved) / parametersPerRow))
}

/** One query per slice of `items` (each slice within the parameter limit), results concatenated. */
export async function queryInChunks<T, R>(
  items: readonly T[],
  run: (slice: T[]) => Promise<R[]>,
  reserved = 10,
): Promise<R[]> {
  const slices = chunk(items, rowsPerStatement(1, reserved))
  return (await Promise.all(slices.map(run))).flat()
}
