import * as v from 'valibot'
import { MIN_PASSWORD_LENGTH } from './password'
import { USER_ROLES } from '../../db/schema'
import type { AdminMessages } from '../../i18n/admin'
import { fieldErrors, typedText } from '../../lib/validation/form'
import { FIELD_MAX } from '../../lib/validation/limits'

export const newEditorFields = v.object({
  email: v.pipe(
    typedText,
    v.transform((text) => text.trim()),
  ),
  name: v.pipe(
    typedText,
    v.transform((text) => text.trim()),
  ),
  role: v.pipe(
    typedText,
    v.transform((text) => USER_ROLES.find((role) => role === text) ?? 'editor'),
  ),
  password: typedText,
})

export type NewEditorFields = v.InferOutput<typeof newEditorFields>

/** A new password: long enough to resist guessing, short enough to hash cheaply. */
export const passwordSchema = (a: AdminMessages) =>
  v.pipe(
    v.string(),
    v.minLength(MIN_PASSWORD_LENGTH, a.passwordTooShort),
    v.maxLength(FIELD_MAX.password, a.passwordTooLong),
  )

const newEditorSchema = (a: AdminMessages) =>
  v.object({
    email: v.pipe(
      v.string(),
      v.maxLength(FIELD_MAX.email, a.emailInvalid),
      v.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, a.emailInvalid),
    ),
    name: v.pipe(
      v.string(),
      v.nonEmpty(a.nameRequired),
      v.maxLength(FIELD_MAX.editorName, a.nameTooLong),
    ),
    // Empty: one is generated.
    password: v.union([v.literal(''), passwordSchema(a)], a.passwordTooShort),
  })

export function newEditorErrors(a: AdminMessages, fields: NewEditorFields) {
  const result = v.safeParse(newEditorSchema(a), fields, { abortPipeEarly: true })
  return result.success ? {} : fieldErrors<'email' | 'name' | 'password'>(result.issues)
}

export const passwordChangeFields = v.object({
  currentPassword: typedText,
  newPassword: typedText,
  repeatPassword: typedText,
})
