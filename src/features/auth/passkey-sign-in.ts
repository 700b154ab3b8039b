import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
} from '@simplewebauthn/server'
import type { Context } from 'hono'
import type { AdminEnv } from '../../types'
import { base64UrlToBytes, bytesToBase64Url } from '../../lib/encoding'
import { userHandleOf } from './passkey-registration'
import { findUserById } from './users'
import { findPasskey, recordPasskeyUse } from './passkeys'
import { relyingParty } from './relying-party'
import { CHALLENGE_TTL_MS, consumeChallenge, issueChallenge } from './webauthn-challenges'
import { openSession } from './editor-session'
import { markKnownDevice } from './known-device'
import { auditRequest } from './audit-log'
import { authPepper } from './login'

/** Options for a discoverable credential: no account named, the browser offers its passkeys. */
export async function signInOptions(c: Context<AdminEnv>) {
  const { rpID } = relyingParty(c.var.site.url)
  const challenge = await issueChallenge(c.var.db, 'sign_in', null)
  return generateAuthenticationOptions({
    rpID,
    challenge,
    timeout: CHALLENGE_TTL_MS,
    userVerification: 'required',
  })
}

/**
 * Checks the assertion (challenge consumed, origin, RP ID, user verification, signature,
 * counter) and opens a session as password sign-in does: session cookie, known device, audit.
 */
export async function signInWithPasskey(
  c: Context<AdminEnv>,
  response: AuthenticationResponseJSON,
): Promise<boolean> {
  const { db } = c.var
  const { rpID, origin } = relyingParty(c.var.site.url)
  const passkey = await findPasskey(db, response.id)
  if (!passkey) {
    // Spent all the same, so an answer can never be tried twice.
    await consumeChallenge(db, challengeOf(response), 'sign_in', null)
    return false
  }
  let verification
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(db, challenge, 'sign_in', null),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.id,
        publicKey: base64UrlToBytes(passkey.publicKey),
        counter: passkey.counter,
        transports: JSON.parse(passkey.transports) as AuthenticatorTransport[],
      },
      requireUserVerification: true,
    })
  } catch {
    return false
  }
  if (!verification.verified) return false
  // The account the authenticator says the credential is for must be the one it was made for.
  const { userHandle } = response.response
  if (userHandle && userHandle !== bytesToBase64Url(userHandleOf(passkey.userId))) return false
  const { newCounter } = verification.authenticationInfo
  if (!(await recordPasskeyUse(db, passkey.id, passkey.counter, newCounter))) return false
  const user = await findUserById(db, passkey.userId)
  if (!user || user.disabledAt) return false

  await openSession(c, db, user.id)
  await markKnownDevice(c, authPepper(c.env), user.id)
  await auditRequest(c, { event: 'sign_in', userId: user.id, email: user.email, detail: 'passkey' })
  return true
}

function challengeOf(response: AuthenticationResponseJSON) {
  try {
    const clientData = JSON.parse(
      new TextDecoder().decode(base64UrlToBytes(response.response.clientDataJSON)),
    ) as { challenge?: unknown }
    return typeof clientData.challenge === 'string' ? clientData.challenge : ''
  } catch {
    return ''
  }
}
