import * as v from 'valibot'

/** The longest old address an import keeps; a longer one can have no redirect. */
export const MAX_REDIRECT_PATH = 1_000

/**
 * An address worth looking up in `redirects`: anything longer cannot be stored there, and sending
 * it to D1 would fail (a megabyte query string is larger than a bound string may be).
 */
export const redirectLookupPath = v.pipe(v.string(), v.maxLength(MAX_REDIRECT_PATH))
