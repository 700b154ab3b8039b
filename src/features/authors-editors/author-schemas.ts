import * as v from 'valibot'
import { SLUG_PATTERN } from '../../lib/slug'

export const AUTHOR_NAME_MAX = 100
export const AUTHOR_SLUG_MAX = 100
export const AUTHOR_BIO_MAX = 2000

/** What an author form sends; `userId` is the editor account writing as this author, or ''. */
export const authorFormSchema = v.object({
  name: v.pipe(
    v.optional(v.string(), ''),
    v.trim(),
    v.nonEmpty('nameRequired'),
    v.maxLength(AUTHOR_NAME_MAX, 'tooLong'),
  ),
  slug: v.pipe(
    v.optional(v.string(), ''),
    v.trim(),
    v.toLowerCase(),
    v.maxLength(AUTHOR_SLUG_MAX, 'tooLong'),
    v.check((slug) => slug === '' || SLUG_PATTERN.test(slug), 'slugInvalid'),
  ),
  bio: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(AUTHOR_BIO_MAX, 'tooLong')),
  userId: v.pipe(v.optional(v.string(), ''), v.regex(/^\d{0,12}$/, 'unknownUser')),
})

export type AuthorForm = v.InferOutput<typeof authorFormSchema>
export type AuthorFormField = keyof AuthorForm
