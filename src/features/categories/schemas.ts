import * as v from 'valibot'
import { SLUG_PATTERN } from '../../lib/slug'
import { typedText } from '../../lib/validation/form'

/** `/categories?after=<slug>`: the page after that category; anything else is the first page. */
export const categoriesQuery = v.object({
  after: v.pipe(
    typedText,
    v.transform((text) => (SLUG_PATTERN.test(text) ? text : null)),
  ),
})
