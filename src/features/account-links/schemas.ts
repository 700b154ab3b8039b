import * as v from 'valibot'
import { USER_ROLES } from '../../db/schema'
import type { AdminMessages } from '../../i18n/admin'
import { isMailAddress } from '../../lib/mail'
import { fieldErrors, typedText } from '../../lib/validation/form'
import { FIELD_MAX } from '../../lib/validation/limits'
import { passwordSchema } from '../auth'
import type { AccountLinkMessages } from './messages'

const trimmed = v.pipe(
  typedText,
  v.transform((text) => text.trim()),
)

export const invitationFields = v.object({
  email: trimmed,
  // Whatever roles the schema has today: a role added there is offered here too.
  role: v.pipe(
    typedText,
    v.transform((text) => USER_ROLES.find((role) => role === text) ?? 'editor'),
  ),
})

export type InvitationForm = v.InferOutput<typeof invitationFields>

/** An address an invitation can be sent to: one the mail layer accepts as a recipient. */
export function invitationErrors(a: AdminMessages, m: AccountLinkMessages, form: InvitationForm) {
  const result = v.safeParse(
    v.object({
      email: v.pipe(
        v.string(),
        v.maxLength(FIELD_MAX.email, a.emailInvalid),
        v.regex(/^[^\s@]+@[^\s@]+$/, a.emailInvalid),
        v.check((email) => isMailAddress(email.toLowerCase()), m.emailUnsendable),
      ),
    }),
    form,
    { abortPipeEarly: true },
  )
  return result.success ? {} : fieldErrors<'email'>(result.issues)
}

export const newPasswordFields = v.object({
  password: typedText,
  repeatPassword: typedText,
})

export const joinFields = v.object({ name: trimmed, ...newPasswordFields.entries })

export type PasswordErrors = Partial<Record<'name' | 'password' | 'repeatPassword', string>>

export function passwordErrors(
  a: AdminMessages,
  form: { password: string; repeatPassword: string },
): PasswordErrors {
  const checked = v.safeParse(passwordSchema(a), form.password)
  if (!checked.success) return { password: checked.issues[0].message }
  return form.password === form.repeatPassword ? {} : { repeatPassword: a.passwordsDiffer }
}

export function joinErrors(a: AdminMessages, form: v.InferOutput<typeof joinFields>) {
  const errors: PasswordErrors = passwordErrors(a, form)
  if (!form.name) errors.name = a.nameRequired
  else if (form.name.length > FIELD_MAX.editorName) errors.name = a.nameTooLong
  return errors
}

export const forgotFields = v.object({ email: trimmed })
