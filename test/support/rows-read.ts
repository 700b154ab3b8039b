import { env } from 'cloudflare:workers'
import { createDb } from '../../src/db/client'

/**
 * A Drizzle client on the test D1 that adds up `rows_read` of every statement it runs. `raw()` and
 * `first()` report no metadata, so they are counted apart: a measured function must not use them.
 */
export function meteredDb() {
  const totals = { rowsRead: 0, statements: 0, unmetered: 0 }
  const record = <T extends D1Result>(result: T) => {
    totals.rowsRead += result.meta.rows_read
    totals.statements++
    return result
  }
  const real = new WeakMap<object, D1PreparedStatement>()
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      all: () => statement.all().then(record),
      run: () => statement.run().then(record),
      raw: (options?: { columnNames?: false }) => {
        totals.unmetered++
        return statement.raw(options)
      },
      first: (column?: string) => {
        totals.unmetered++
        return column === undefined ? statement.first() : statement.first(column)
      },
    } as unknown as D1PreparedStatement
    real.set(wrapped, statement)
    return wrapped
  }
  const d1 = {
    prepare: (query: string) => wrap(env.DB.prepare(query)),
    batch: async (statements: D1PreparedStatement[]) =>
      (await env.DB.batch(statements.map((s) => real.get(s) ?? s))).map(record),
  }
  return { db: createDb(d1 as unknown as D1Database), totals }
}
