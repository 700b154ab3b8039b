import * as v from 'valibot'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import { loginQuery } from './schemas'

const base64url = v.pipe(v.string(), v.maxLength(4096), v.regex(/^[A-Za-z0-9_-]*$/))
const credentialShape = {
  id: base64url,
  rawId: base64url,
  type: v.literal('public-key'),
  clientExtensionResults: v.optional(v.looseObject({}), {}),
  authenticatorAttachment: v.optional(v.picklist(['platform', 'cross-platform'])),
}

/** What `startRegistration()` sends back, and the name the editor gave the passkey. */
export const passkeyRegistrationBody = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60)),
  response: v.pipe(
    v.looseObject({
      ...credentialShape,
      response: v.looseObject({
        clientDataJSON: base64url,
        attestationObject: base64url,
        transports: v.optional(v.array(v.pipe(v.string(), v.maxLength(20))), []),
      }),
    }),
    v.transform((value) => value as unknown as RegistrationResponseJSON),
  ),
})

/** What `startAuthentication()` sends back, and where to go after signing in. */
export const passkeySignInBody = v.object({
  next: loginQuery.entries.next,
  response: v.pipe(
    v.looseObject({
      ...credentialShape,
      response: v.looseObject({
        clientDataJSON: base64url,
        authenticatorData: base64url,
        signature: base64url,
        userHandle: v.optional(base64url),
      }),
    }),
    v.transform((value) => value as unknown as AuthenticationResponseJSON),
  ),
})

export const passkeyIdParams = v.object({ id: base64url })
