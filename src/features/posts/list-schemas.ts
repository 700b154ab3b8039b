import * as v from 'valibot'
import { decodeCursor, InvalidCursorError, type FeedCursor } from '../../lib/cursor'

/** A cursor parameter: absent, a position `encodeCursor` made, or 'invalid' (answered with 400). */
const cursorParam = v.pipe(
  v.optional(v.unknown()),
  v.transform((value): FeedCursor | 'invalid' | undefined => {
    if (value === undefined) return undefined
    if (typeof value !== 'string') return 'invalid'
    try {
      return decodeCursor(value)
    } catch (error) {
      if (error instanceof InvalidCursorError) return 'invalid'
      throw error
    }
  }),
)

/** `?after=` (Load More) or `?through=` (a list rebuilt on Back); other parameters are ignored. */
export const feedQuery = v.object({ after: cursorParam, through: cursorParam })

export type FeedQuery = v.InferOutput<typeof feedQuery>
