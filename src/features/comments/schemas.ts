import * as v from 'valibot'
import { COMMENT_MODERATION } from '../../db/schema'
import { typedList, typedText } from '../../lib/validation/form'

/** The reader's form as typed: never refused here, so a refused form comes back as it was. */
export const commentFields = v.object({
  name: typedText,
  email: typedText,
  url: typedText,
  comment: typedText,
  notify: typedText,
  parent: typedText,
  token: typedText,
  // The honeypot: hidden from people, filled by scripts.
  phone: typedText,
})

export type CommentForm = v.InferOutput<typeof commentFields>

export const EMPTY_COMMENT_FORM: CommentForm = {
  name: '',
  email: '',
  url: '',
  comment: '',
  notify: '',
  parent: '',
  token: '',
  phone: '',
}

export const MAX_NAME_LENGTH = 100
export const MAX_URL_LENGTH = 500

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,255}\.[^\s@<>"]{2,}$/

export const validEmail = (email: string) =>
  email === '' || (email.length <= 254 && EMAIL.test(email))

export function validWebsite(url: string) {
  if (url === '') return true
  if (url.length > MAX_URL_LENGTH) return false
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
  } catch {
    return false
  }
}

export const STATUS_TABS = ['pending', 'approved', 'spam'] as const

export const adminListQuery = v.object({
  status: v.optional(v.fallback(v.picklist(STATUS_TABS), 'pending'), 'pending'),
  q: v.optional(v.fallback(v.pipe(v.string(), v.maxLength(200)), ''), ''),
  done: v.fallback(v.optional(v.picklist(['done', 'replied', 'saved'])), undefined),
})

export const bulkFields = v.object({
  action: typedText,
  ids: typedList,
})

export const replyFields = v.object({ reply: typedText })

export const settingsFields = v.object({
  moderation: v.pipe(
    typedText,
    v.transform((value) =>
      (COMMENT_MODERATION as readonly string[]).includes(value)
        ? (value as (typeof COMMENT_MODERATION)[number])
        : 'first',
    ),
  ),
  closeAfterDays: v.pipe(
    typedText,
    v.transform((value) => {
      const days = Number(value)
      return Number.isInteger(days) && days >= 0 && days <= 36_500 ? days : 0
    }),
  ),
  onPages: v.pipe(
    typedText,
    v.transform((value) => value === 'on'),
  ),
  blockList: v.pipe(
    typedText,
    v.transform((value) => value.slice(0, 20_000)),
  ),
})

export const unsubscribeParams = v.object({
  id: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/), v.transform(Number)),
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/)),
})
