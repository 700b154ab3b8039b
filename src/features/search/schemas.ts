import * as v from 'valibot'
import { MAX_QUERY_LENGTH } from './search-query'

/**
 * `/search?q=`: any input is accepted and cut to the form's maxlength, so no query is ever an
 * error; a repeated or missing `q` is an empty search.
 */
export const searchQuerySchema = v.object({
  q: v.fallback(
    v.pipe(
      v.optional(v.string(), ''),
      v.transform((q) => q.slice(0, MAX_QUERY_LENGTH).trim()),
    ),
    '',
  ),
})
