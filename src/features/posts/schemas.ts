import * as v from 'valibot'
import { LANGUAGES, POST_STATUSES, type Language, type PostStatus } from '../../db/schema'
import { isValidTimeZone, zonedDateTimeToEpoch } from '../../lib/dates'
import { isReservedRootSlug } from '../../lib/root-addresses'
import { normalizeSlug, SLUG_PATTERN, slugify } from '../../lib/slug'
import { fieldErrors, maxBytes, typedList, typedText } from '../../lib/validation/form'
import { FIELD_MAX, MAX_BODY_BYTES, MAX_LIKE_PATTERN_BYTES } from '../../lib/validation/limits'

export function isBodyTooLarge(markdown: string): boolean {
  return new TextEncoder().encode(markdown).byteLength > MAX_BODY_BYTES
}

/** The post form exactly as typed; the inline login fields come with it when a session expired. */
export const postFormFields = v.object({
  title: typedText,
  slug: typedText,
  excerpt: typedText,
  markdown: v.pipe(
    typedText,
    v.transform((text) => text.replace(/\r\n/g, '\n')),
  ),
  categoryIds: typedList,
  newCategory: typedText,
  language: typedText,
  authorId: typedText,
  status: typedText,
  publishDate: typedText,
  publishTime: typedText,
  timeZone: typedText,
  /** The post's version when the form was loaded; '' for a new post. */
  version: typedText,
  /** `/media/<key>` of the featured image, empty for none. */
  featuredImage: v.pipe(
    typedText,
    v.transform((text) => text.trim()),
  ),
  featuredImageAlt: typedText,
  /** 'on' to close readers' comments on this post (features/comments). */
  commentsClosed: typedText,
  /** Pages only: 'on' to have a link to the page in the header. */
  showInNavigation: typedText,
  /** Posts: 'on' to email the post to subscribers when it goes public (features/subscriptions). */
  emailSubscribers: typedText,
  /** '1' when the box above was on the form, so that unticked means no. */
  emailSubscribersShown: typedText,
  /** `submit` when sent by the Submit for review button. */
  review: typedText,
  /** The note to the editors that goes with a submission. */
  reviewNote: typedText,
  loginEmail: typedText,
  loginPassword: typedText,
})

export type TypedPostForm = v.InferOutput<typeof postFormFields>
/** What the editor typed, exactly, so a rejected form comes back as it was sent. */
export type PostFormValues = Omit<TypedPostForm, 'loginEmail' | 'loginPassword'>

export type PostFormField = keyof PostFormValues
export type PostFormError =
  | 'titleRequired'
  | 'titleTooLong'
  | 'slugInvalid'
  | 'slugReserved'
  | 'slugTooLong'
  | 'excerptTooLong'
  | 'bodyTooLarge'
  | 'dateInvalid'
  | 'dateRequired'
  | 'dateInPast'
  | 'languageInvalid'
  | 'statusInvalid'
  | 'timeZoneInvalid'
  | 'unknownCategory'
  | 'tooManyCategories'
  | 'categoryNameTooLong'
  | 'unknownAuthor'
  | 'featuredImageUnknown'
  | 'featuredAltMissing'
  | 'featuredAltTooLong'
  | 'reviewNoteTooLong'
  | { slugTaken: string }
  | { imageAltMissing: string[] }

export type PostFormErrors = Partial<Record<PostFormField, PostFormError>>

const positiveId = (message: PostFormError & string) =>
  v.pipe(v.string(), v.regex(/^[1-9]\d{0,14}$/, message), v.transform(Number))

/** The checks that need no database, each message a key of `a.errors`. */
const postSchema = v.object({
  title: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('titleRequired'),
    v.maxLength(FIELD_MAX.title, 'titleTooLong'),
  ),
  slug: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(FIELD_MAX.slug, 'slugTooLong')),
  excerpt: v.pipe(v.string(), v.trim(), v.maxLength(FIELD_MAX.excerpt, 'excerptTooLong')),
  markdown: v.pipe(v.string(), maxBytes(MAX_BODY_BYTES, 'bodyTooLarge')),
  categoryIds: v.pipe(
    v.array(positiveId('unknownCategory')),
    v.maxLength(FIELD_MAX.categoriesPerPost, 'tooManyCategories'),
    v.transform((ids) => [...new Set(ids)]),
  ),
  newCategory: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(FIELD_MAX.categoryName, 'categoryNameTooLong'),
  ),
  language: v.picklist(LANGUAGES, 'languageInvalid'),
  authorId: positiveId('unknownAuthor'),
  status: v.picklist(POST_STATUSES, 'statusInvalid'),
  timeZone: v.pipe(v.string(), v.check(isValidTimeZone, 'timeZoneInvalid')),
  publishDate: v.string(),
  publishTime: v.string(),
  reviewNote: v.pipe(v.string(), v.maxLength(FIELD_MAX.reviewNote, 'reviewNoteTooLong')),
})

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

/** A page is a draft or published: it has no schedule (it would be in no feed to wait for). */
const PAGE_STATUSES: readonly PostStatus[] = ['draft', 'published']

/**
 * Checks everything that needs no database; slug clashes and unknown ids are the route's. A
 * page's slug may not be one of the blog's own addresses; it has no categories.
 */
export function validatePostForm(
  values: PostFormValues,
  now: number,
  kind: 'post' | 'page' = 'post',
): { errors: PostFormErrors; post: ValidPostForm | null } {
  const parsed = v.safeParse(postSchema, values, { abortPipeEarly: true })
  const errors: PostFormErrors = parsed.success
    ? {}
    : (fieldErrors<PostFormField>(parsed.issues) as PostFormErrors)
  const fields = parsed.success ? parsed.output : null

  const title = values.title.trim()
  const slug = values.slug.trim() ? normalizeSlug(values.slug) : slugify(title)
  if (title && !errors.slug && !SLUG_PATTERN.test(slug)) errors.slug = 'slugInvalid'
  if (kind === 'page') {
    if (!errors.slug && isReservedRootSlug(slug)) errors.slug = 'slugReserved'
    if (!errors.status && !PAGE_STATUSES.includes(values.status as PostStatus))
      errors.status = 'statusInvalid'
  }
  const categoryCount = new Set(values.categoryIds).size + (values.newCategory.trim() ? 1 : 0)
  if (!errors.categoryIds && categoryCount > FIELD_MAX.categoriesPerPost)
    errors.categoryIds = 'tooManyCategories'

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
  if (values.status === 'scheduled' && !errors.publishDate) {
    if (!publishedAt) errors.publishDate = 'dateRequired'
    else if (publishedAt.getTime() <= now) errors.publishDate = 'dateInPast'
  }
  if (values.status === 'published' && !publishedAt) publishedAt = new Date(now)
  // A page is live from its first publication on, never scheduled.
  if (kind === 'page' && publishedAt && publishedAt.getTime() > now) publishedAt = new Date(now)

  if (!fields || Object.keys(errors).length > 0) return { errors, post: null }
  // Readers see a post only once its date has passed: "Published" with a date still to come is a
  // schedule, and is stored and announced as one.
  const status =
    fields.status === 'published' && publishedAt && publishedAt.getTime() > now
      ? 'scheduled'
      : fields.status
  const categories = kind === 'page' ? { categoryIds: [], newCategory: '' } : {}
  return { errors, post: { ...fields, ...categories, status, slug, publishedAt } }
}

/** The version a form was loaded from, or null when it names none (a form from before versions). */
export function loadedVersion(values: PostFormValues): number | null {
  return /^[1-9]\d{0,9}$/.test(values.version) ? Number(values.version) : null
}

const optionalId = v.pipe(
  typedText,
  v.transform((text) => (/^[1-9]\d{0,14}$/.test(text) ? Number(text) : null)),
)

/**
 * The longest start of `search` whose LIKE pattern (`%…%`, with `%`, `_` and `\` escaped) fits
 * D1's 50 bytes, cut between characters.
 */
export function boundedSearch(search: string): string {
  let bytes = 2
  let kept = ''
  for (const char of search.slice(0, FIELD_MAX.search * 2)) {
    const size = new TextEncoder().encode(char).byteLength * (/[%_\\]/.test(char) ? 2 : 1)
    if (bytes + size > MAX_LIKE_PATTERN_BYTES) break
    bytes += size
    kept += char
  }
  return kept
}

const ADMIN_LIST_STATUSES = ['trash', ...POST_STATUSES] as const

/** The admin list's filters; anything unexpected is no filter at all. */
export const adminPostsQuery = v.object({
  status: v.pipe(
    typedText,
    v.transform((text) => ADMIN_LIST_STATUSES.find((status) => status === text) ?? ''),
  ),
  category: v.pipe(
    typedText,
    v.transform((text) => (/^[1-9]\d{0,14}$/.test(text) ? text : '')),
  ),
  q: v.pipe(
    typedText,
    v.transform((text) => boundedSearch(text.trim())),
  ),
  /** An admin list position (`<time>.<id>`), read by decodeAdminPosition. */
  after: typedText,
  trashed: optionalId,
  autosave: typedText,
  saved: typedText,
  submitted: typedText,
  restored: typedText,
  untrashed: typedText,
  /** `shared` or `revoked`: what the preview link panel just did. */
  preview: typedText,
})

export const previewForm = v.object({
  markdown: typedText,
  language: typedText,
  excerpt: typedText,
})
