import * as v from 'valibot'
import { isMailAddress } from '../../lib/mail'
import { typedText } from '../../lib/validation/form'

/** The subscription form as typed (never refused: the address is checked after, to keep it). */
export const subscribeForm = v.object({ email: typedText, language: typedText })

/** A typed address as stored: trimmed, lower case; null when it is not a plain address. */
export function normalisedEmail(typed: string): string | null {
  const email = typed.trim().toLowerCase()
  return isMailAddress(email) ? email : null
}

export const tokenParam = v.object({ token: v.pipe(v.string(), v.maxLength(200)) })

const matching = (pattern: RegExp) =>
  v.pipe(
    typedText,
    v.transform((text) => (pattern.test(text) ? text : '')),
  )

/** The list's query: anything malformed reads as absent. */
export const subscribersQuery = v.object({
  q: v.pipe(
    typedText,
    v.transform((text) => text.slice(0, 200)),
  ),
  before: matching(/^[1-9][0-9]{0,14}$/),
  deleted: typedText,
  imported: matching(/^[0-9]{1,9}\.[0-9]{1,9}$/),
  saved: typedText,
})

export const importForm = v.object({ file: v.optional(v.unknown()), consent: typedText })

export const settingsForm = v.object({
  emailPosts: typedText,
  emailNotes: typedText,
  fullPost: typedText,
  dailyCap: typedText,
})

/** The daily cap as typed: a whole number from 1 to 1,000,000, else the one kept. */
export function dailyCapFrom(typed: string, kept: number): number {
  const cap = Number(typed)
  return Number.isInteger(cap) && cap >= 1 && cap <= 1_000_000 ? cap : kept
}
