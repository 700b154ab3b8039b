/**
 * Used only by the benchmark: the Worker with every D1 call delayed, as a reader far from the
 * database would see it. Each query, batch and session call waits DELAY_MS before running.
 */
import worker from '../../src/index'

// wrangler checks that the entry exports the Workflows and Durable Objects that wrangler.toml names.
export { ImportWorkflow } from '../../src/index'
export { AudienceShard } from '../../src/index'

const DELAY_MS = 100

const pause = () => new Promise((resolve) => setTimeout(resolve, DELAY_MS))

function delayedStatement(statement: D1PreparedStatement): D1PreparedStatement {
  const later =
    <T>(run: () => Promise<T>) =>
    async () => {
      await pause()
      return run()
    }
  const wrapped = {
    bind: (...values: unknown[]) => delayedStatement(statement.bind(...values)),
    all: later(() => statement.all()),
    run: later(() => statement.run()),
    raw: (options?: { columnNames?: false }) => later(() => statement.raw(options))(),
    first: (column?: string) =>
      later(() => (column === undefined ? statement.first() : statement.first(column)))(),
    unwrap: () => statement,
  }
  return wrapped as unknown as D1PreparedStatement
}

const unwrap = (statement: D1PreparedStatement) =>
  (statement as unknown as { unwrap: () => D1PreparedStatement }).unwrap()

function delayed(d1: Pick<D1Database, 'prepare' | 'batch'>) {
  return {
    prepare: (query: string) => delayedStatement(d1.prepare(query)),
    batch: async (statements: D1PreparedStatement[]) => {
      await pause()
      return d1.batch(statements.map(unwrap))
    },
  }
}

function farDatabase(d1: D1Database): D1Database {
  return {
    ...delayed(d1),
    withSession(start?: string) {
      const session = d1.withSession(start)
      return { ...delayed(session), getBookmark: () => session.getBookmark() }
    },
  } as unknown as D1Database
}

const farEnvs = new WeakMap<Env, Env>()

export default {
  fetch(request, env, ctx) {
    let far = farEnvs.get(env)
    if (!far) farEnvs.set(env, (far = { ...env, DB: farDatabase(env.DB) }))
    return worker.fetch(request, far, ctx)
  },
} satisfies ExportedHandler<Env>
