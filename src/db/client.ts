import { drizzle } from 'drizzle-orm/d1'

export function createDb(d1: D1Database | D1DatabaseSession) {
  // Drizzle only calls prepare() and batch(), which a D1 session has too. No `schema`: with one,
  // every client (one per request) rebuilds the relational-query config, which this blog never
  // uses and which cost a third of a cached page's CPU time.
  return drizzle(d1 as D1Database, { casing: 'snake_case' })
}

export type Db = ReturnType<typeof createDb>

/**
 * Where a request's queries start (D1 read replication): `first-unconstrained` for readers (the
 * nearest replica), `first-primary` or a bookmark for editors. Queries of one session see at least
 * what earlier ones saw, and `session.getBookmark()` carries that to a later request.
 */
export function openD1Session(d1: D1Database, start: D1SessionConstraint | D1SessionBookmark) {
  const session = d1.withSession(start)
  return { db: createDb(session), session }
}
