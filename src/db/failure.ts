import { DrizzleQueryError } from 'drizzle-orm/errors'

/** Seconds a reader or editor is asked to wait before trying again after a D1 failure. */
export const DATABASE_RETRY_AFTER_SECONDS = 30

/**
 * A failure of D1 itself (unreachable, overloaded, a statement refused), as opposed to a bug in
 * the code around it: D1's errors carry a `D1_` prefix, and Drizzle wraps each failed query.
 */
export function isDatabaseFailure(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof DrizzleQueryError || /\bD1_[A-Z_]+\b/.test(cause.message)) return true
  }
  return false
}
