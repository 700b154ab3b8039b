import { env } from 'cloudflare:workers'

/**
 * The real D1 binding, and the sessions it opens (read replication), noting every round trip to
 * the database: a `batch` is one, and so is each statement run on its own (`all`, `run`, `raw`,
 * `first`) and each `exec`.
 */
export function countingD1(target: D1Database = env.DB) {
  const calls: string[] = []
  const real = new WeakMap<object, D1PreparedStatement>()
  const passThrough = <T extends object>(object: T, property: string | symbol) => {
    const value: unknown = Reflect.get(object, property)
    return typeof value === 'function' ? value.bind(object) : value
  }
  const statement = (prepared: D1PreparedStatement, query: string): D1PreparedStatement => {
    const wrapped = new Proxy(prepared, {
      get(target, property) {
        if (property === 'bind')
          return (...values: unknown[]) => statement(target.bind(...values), query)
        if (property === 'all' || property === 'run' || property === 'raw' || property === 'first')
          return (...args: unknown[]) => {
            calls.push(`${property}: ${query}`)
            return (target[property] as (...args: unknown[]) => unknown)(...args)
          }
        return passThrough(target, property)
      },
    })
    real.set(wrapped, prepared)
    return wrapped
  }
  const database = <T extends D1Database | D1DatabaseSession>(d1: T): T =>
    new Proxy(d1, {
      get(target, property) {
        if (property === 'prepare')
          return (query: string) => statement(target.prepare(query), query)
        if (property === 'batch')
          return (statements: D1PreparedStatement[]) => {
            calls.push(`batch of ${statements.length}`)
            return target.batch(statements.map((s) => real.get(s) ?? s))
          }
        if (property === 'exec' && 'exec' in target)
          return (query: string) => {
            calls.push(`exec: ${query}`)
            return target.exec(query)
          }
        if (property === 'withSession' && 'withSession' in target)
          return (...args: Parameters<D1Database['withSession']>) =>
            database(target.withSession(...args))
        return passThrough(target, property)
      },
    })
  return { d1: database(target), calls }
}
