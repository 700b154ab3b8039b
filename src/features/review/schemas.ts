import * as v from 'valibot'
import { typedText } from '../../lib/validation/form'

/** Publish now, or schedule at the date given, the version the queue showed. */
export const publishFields = v.object({
  version: v.pipe(
    typedText,
    v.transform((text) => (/^[1-9]\d{0,9}$/.test(text) ? Number(text) : null)),
  ),
  when: v.pipe(
    typedText,
    v.transform((text): 'now' | 'schedule' => (text === 'schedule' ? 'schedule' : 'now')),
  ),
  publishDate: typedText,
  publishTime: typedText,
  timeZone: typedText,
})

/** The note sent back with a post; checked by the route (required, bounded). */
export const returnFields = v.object({
  note: v.pipe(
    typedText,
    v.transform((text) => text.replace(/\r\n/g, '\n').trim()),
  ),
})

/** What the queue says after an action: `?done=published` and so on. */
export const reviewQuery = v.object({
  done: v.pipe(
    typedText,
    v.transform((text) =>
      text === 'published' || text === 'scheduled' || text === 'returned' ? text : null,
    ),
  ),
})
