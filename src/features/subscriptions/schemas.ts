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

export const subscribersQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
  before: v.optional(v.pipe(v.string(), v.regex(/^[0-9]{1,15}$/)), ''),
  deleted: v.optional(v.string(), ''),
  imported: v.optional(v.pipe(v.string(), v.regex(/^[0-9]{1,9}\.[0-9]{1,9}$/)), ''),
  saved: v.optional(v.string(), ''),
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
