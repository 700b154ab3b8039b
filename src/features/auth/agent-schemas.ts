import * as v from 'valibot'
import { ACCESS_SCOPES } from '../../db/schema'
import { typedText } from '../../lib/validation/form'
import { TOKEN_LIFETIMES_DAYS } from './access-tokens'

export const TOKEN_NAME_MAX = 60

/** The Create token form as typed; `tokenSchema` checks it. */
export const tokenFormFields = v.object({
  name: typedText,
  scope: typedText,
  expiresInDays: typedText,
})

export type TokenFormValues = v.InferOutput<typeof tokenFormFields>

export const tokenSchema = v.object({
  name: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('nameRequired'),
    v.maxLength(TOKEN_NAME_MAX, 'nameTooLong'),
  ),
  scope: v.picklist(ACCESS_SCOPES, 'scopeInvalid'),
  expiresInDays: v.pipe(
    v.string(),
    v.transform(Number),
    v.picklist(TOKEN_LIFETIMES_DAYS, 'expiryInvalid'),
  ),
})

export type TokenFormError = 'nameRequired' | 'nameTooLong' | 'scopeInvalid' | 'expiryInvalid'

/** A grant id as the OAuth library makes them (random, URL-safe), bounded. */
export const grantIdParams = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,128}$/)),
})

/** The consent form: the transaction's handle, the decision and the scope chosen. */
export const consentFormFields = v.object({
  handle: typedText,
  decision: typedText,
  scope: typedText,
})
