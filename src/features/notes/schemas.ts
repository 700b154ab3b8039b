import * as v from 'valibot'
import { LANGUAGES, type Language } from '../../db/schema'
import { isValidTimeZone } from '../../lib/dates'
import { typedList, typedText } from '../../lib/validation/form'
import { FIELD_MAX } from '../../lib/validation/limits'

/** Server-side maximums; the form's `maxlength` attributes use the same numbers. */
export const NOTE_LIMITS = {
  title: FIELD_MAX.title,
  sourceUrl: 2000,
  siteName: 100,
  quote: 2000,
  comment: 20_000,
  newCategory: FIELD_MAX.categoryName,
  sourcePublishedAt: 40,
} as const

export type NoteErrorCode =
  | 'titleRequired'
  | 'titleTooLong'
  | 'sourceUrlRequired'
  | 'sourceUrlInvalid'
  | 'tooLong'
  | 'languageInvalid'
  | 'unknownAuthor'
  | 'unknownCategory'
  | 'dateInvalid'
  | 'timeZoneInvalid'

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'tooLong'))
const id = (message: NoteErrorCode) =>
  v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, message), v.transform(Number))

const httpUrl = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('sourceUrlRequired'),
  v.maxLength(NOTE_LIMITS.sourceUrl, 'tooLong'),
  v.check((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol)
    } catch {
      return false
    }
  }, 'sourceUrlInvalid'),
)

/** A note form as sent: every field a string (category ids a list), each checked and bounded. */
export const noteFormSchema = v.object({
  title: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('titleRequired'),
    v.maxLength(NOTE_LIMITS.title, 'titleTooLong'),
  ),
  sourceUrl: httpUrl,
  siteName: text(NOTE_LIMITS.siteName),
  quote: v.pipe(
    v.string(),
    v.transform((s) => s.replace(/\r\n/g, '\n').trim()),
    v.maxLength(NOTE_LIMITS.quote, 'tooLong'),
  ),
  comment: v.pipe(
    v.string(),
    v.transform((s) => s.replace(/\r\n/g, '\n')),
    v.maxLength(NOTE_LIMITS.comment, 'tooLong'),
  ),
  sourcePublishedAt: text(NOTE_LIMITS.sourcePublishedAt),
  imageUrl: v.string(),
  keepImage: v.string(),
  categoryIds: v.array(id('unknownCategory')),
  newCategory: text(NOTE_LIMITS.newCategory),
  language: v.pipe(
    v.string(),
    v.check((value) => (LANGUAGES as readonly string[]).includes(value), 'languageInvalid'),
    v.transform((value) => value as Language),
  ),
  authorId: id('unknownAuthor'),
  publishDate: v.pipe(v.string(), v.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'dateInvalid')),
  publishTime: v.pipe(v.string(), v.regex(/^(\d{2}:\d{2})?$/, 'dateInvalid')),
  timeZone: v.pipe(v.string(), v.check(isValidTimeZone, 'timeZoneInvalid')),
  intent: v.picklist(['publish', 'draft', 'review']),
  /** The note to the editors that goes with Submit for review. */
  reviewNote: v.pipe(v.string(), v.trim(), v.maxLength(FIELD_MAX.reviewNote, 'tooLong')),
  /** The edited note's version as the form loaded it (`posts.version`): a later save means a conflict. */
  version: v.string(),
  /** The **Email to subscribers** box, and whether it was on the form at all (features/subscriptions). */
  emailSubscribers: v.optional(v.string(), ''),
  emailSubscribersShown: v.optional(v.string(), ''),
})

/** Publish (or schedule), keep a draft, or submit the draft for review (a contributor's). */
export type NoteIntent = 'publish' | 'draft' | 'review'

export type NoteFormValues = v.InferInput<typeof noteFormSchema>
export type ValidNoteForm = v.InferOutput<typeof noteFormSchema>
export type NoteField = keyof NoteFormValues
export type NoteErrors = Partial<Record<NoteField, NoteErrorCode>>

/**
 * The note form as typed, every field a string (category ids a list) and never rejected, with the
 * login fields shown when the session has expired: `noteFormSchema` checks it afterwards.
 */
export const typedNoteForm = v.object({
  title: typedText,
  sourceUrl: typedText,
  siteName: typedText,
  quote: typedText,
  comment: typedText,
  sourcePublishedAt: typedText,
  imageUrl: typedText,
  keepImage: typedText,
  categoryIds: typedList,
  newCategory: typedText,
  language: typedText,
  authorId: typedText,
  publishDate: typedText,
  publishTime: typedText,
  timeZone: typedText,
  intent: v.pipe(
    typedText,
    v.transform((intent): NoteIntent =>
      intent === 'draft' || intent === 'review' ? intent : 'publish',
    ),
  ),
  reviewNote: typedText,
  version: typedText,
  emailSubscribers: typedText,
  emailSubscribersShown: typedText,
  loginEmail: typedText,
  loginPassword: typedText,
})

/** The version a note form was loaded from, or null when it is not one. */
export function loadedNoteVersion(values: NoteFormValues): number | null {
  return /^[1-9]\d{0,9}$/.test(values.version) ? Number(values.version) : null
}

/** The first message for each field that failed. */
export function noteErrors(issues: v.BaseIssue<unknown>[]): NoteErrors {
  const errors: NoteErrors = {}
  for (const issue of issues) {
    const field = issue.path?.[0]?.key as NoteField | undefined
    if (field && !errors[field]) errors[field] = issue.message as NoteErrorCode
  }
  return errors
}
