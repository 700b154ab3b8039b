import { LANGUAGES, POST_STATUSES, type Language, type PostStatus } from '../db/schema'
import { isValidTimeZone, zonedDateTimeToEpoch } from './dates'
import { formText, type FormBody } from './form'
import { SLUG_PATTERN, slugify } from './slug'

export const MAX_BODY_BYTES = 256 * 1024

export function isBodyTooLarge(markdown: string): boolean {
  return new TextEncoder().encode(markdown).byteLength > MAX_BODY_BYTES
}

/** What the editor typed, exactly, so a rejected form comes back as it was sent. */
export type PostFormValues = {
  title: string
  slug: string
  excerpt: string
  markdown: string
  categoryIds: string[]
  newCategory: string
  language: string
  authorId: string
  status: string
  publishDate: string
  publishTime: string
  timeZone: string
  /** `/media/<key>` of the featured image, empty for none. */
  featuredImage: string
  featuredImageAlt: string
}

export type PostFormField = keyof PostFormValues
export type PostFormError =
  | 'titleRequired'
  | 'titleTooLong'
  | 'slugInvalid'
  | 'bodyTooLarge'
  | 'dateInvalid'
  | 'dateRequired'
  | 'dateInPast'
  | 'languageInvalid'
  | 'statusInvalid'
  | 'timeZoneInvalid'
  | 'unknownCategory'
  | 'unknownAuthor'
  | 'featuredImageUnknown'
  | 'featuredAltMissing'
  | 'featuredAltTooLong'
  | { slugTaken: string }
  | { imageAltMissing: string[] }

export type PostFormErrors = Partial<Record<PostFormField, PostFormError>>

export type ValidPostForm = {
  title: string
  slug: string
  excerpt: string
  markdown: string
  categoryIds: number[]
  newCategory: string
  language: Language
  authorId: number
  status: PostStatus
  publishedAt: Date | null
}

function list(body: FormBody, name: string): string[] {
  const value = body[name] ?? body[`${name}[]`]
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.filter((v): v is string => typeof v === 'string')
}

export function readPostForm(body: FormBody): PostFormValues {
  return {
    title: formText(body, 'title'),
    slug: formText(body, 'slug'),
    excerpt: formText(body, 'excerpt'),
    markdown: formText(body, 'markdown').replace(/\r\n/g, '\n'),
    categoryIds: list(body, 'categoryIds'),
    newCategory: formText(body, 'newCategory'),
    language: formText(body, 'language'),
    authorId: formText(body, 'authorId'),
    status: formText(body, 'status'),
    publishDate: formText(body, 'publishDate'),
    publishTime: formText(body, 'publishTime'),
    timeZone: formText(body, 'timeZone'),
    featuredImage: formText(body, 'featuredImage').trim(),
    featuredImageAlt: formText(body, 'featuredImageAlt'),
  }
}

/** Checks everything that needs no database; slug clashes and unknown ids are the route's. */
export function validatePostForm(
  values: PostFormValues,
  now: number,
): { errors: PostFormErrors; post: ValidPostForm | null } {
  const errors: PostFormErrors = {}
  const title = values.title.trim()
  if (!title) errors.title = 'titleRequired'
  else if (title.length > 200) errors.title = 'titleTooLong'

  const slug = values.slug.trim() ? values.slug.trim().toLowerCase() : slugify(title)
  if (title && !SLUG_PATTERN.test(slug)) errors.slug = 'slugInvalid'

  if (isBodyTooLarge(values.markdown)) errors.markdown = 'bodyTooLarge'

  const language = values.language as Language
  if (!LANGUAGES.includes(language)) errors.language = 'languageInvalid'
  const status = values.status as PostStatus
  if (!POST_STATUSES.includes(status)) errors.status = 'statusInvalid'
  if (!isValidTimeZone(values.timeZone)) errors.timeZone = 'timeZoneInvalid'

  let publishedAt: Date | null = null
  const hasDate = values.publishDate.trim() !== '' || values.publishTime.trim() !== ''
  if (hasDate && !errors.timeZone) {
    const epoch = zonedDateTimeToEpoch(
      values.publishDate,
      values.publishTime || '00:00',
      values.timeZone,
    )
    if (epoch === null) errors.publishDate = 'dateInvalid'
    else publishedAt = new Date(epoch)
  }
  if (status === 'scheduled' && !errors.publishDate) {
    if (!publishedAt) errors.publishDate = 'dateRequired'
    else if (publishedAt.getTime() <= now) errors.publishDate = 'dateInPast'
  }
  if (status === 'published' && !publishedAt) publishedAt = new Date(now)

  const authorId = Number(values.authorId)
  if (!Number.isSafeInteger(authorId) || authorId <= 0) errors.authorId = 'unknownAuthor'
  const categoryIds = values.categoryIds.map(Number)
  if (categoryIds.some((id) => !Number.isSafeInteger(id) || id <= 0))
    errors.categoryIds = 'unknownCategory'

  if (Object.keys(errors).length > 0) return { errors, post: null }
  return {
    errors,
    post: {
      title,
      slug,
      excerpt: values.excerpt.trim(),
      markdown: values.markdown,
      categoryIds: [...new Set(categoryIds)],
      newCategory: values.newCategory.trim(),
      language,
      authorId,
      status,
      publishedAt,
    },
  }
}
