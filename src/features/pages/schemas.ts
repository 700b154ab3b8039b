import * as v from 'valibot'
import { typedText } from '../../lib/validation/form'

/** `?trashed=<id>` after a page was moved to the trash (its undo); anything else is ignored. */
export const adminPagesQuery = v.object({
  trashed: v.pipe(
    typedText,
    v.transform((text) => (/^[1-9]\d{0,14}$/.test(text) ? Number(text) : null)),
  ),
})
