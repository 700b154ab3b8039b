import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import { bytesToBase64Url } from '../../lib/encoding'
import { addPasskey, listPasskeys } from './passkeys'
import { relyingParty } from './relying-party'
import { CHALLENGE_TTL_MS, consumeChallenge, issueChallenge } from './webauthn-challenges'

/** The WebAuthn user handle: a stable one that names no one, the account id. */
export function userHandleOf(userId: number) {
  return Uint8Array.from(new TextEncoder().encode(String(userId)))
}

/** What the browser needs to create a discoverable, user-verified passkey for this editor. */
export async function registrationOptions(db: Db, siteUrl: string, siteName: string, editor: User) {
  const { rpID } = relyingParty(siteUrl)
  const existing = await listPasskeys(db, editor.id)
  const challenge = await issueChallenge(db, 'register', editor.id)
  return generateRegistrationOptions({
    rpName: siteName,
    rpID,
    userID: userHandleOf(editor.id),
    userName: editor.email,
    userDisplayName: editor.name,
    challenge,
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.id,
      transports: JSON.parse(passkey.transports) as string[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: [-7, -257],
  })
}

/**
 * Checks the authenticator's answer (challenge consumed, origin, RP ID, user verification) and
 * keeps the credential; false if anything is off.
 */
export async function registerPasskey(
  db: Db,
  siteUrl: string,
  editor: User,
  name: string,
  response: RegistrationResponseJSON,
) {
  const { rpID, origin } = relyingParty(siteUrl)
  let verification
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(db, challenge, 'register', editor.id),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    })
  } catch {
    return false
  }
  if (!verification.verified) return false
  const { credential } = verification.registrationInfo
  await addPasskey(db, {
    id: credential.id,
    userId: editor.id,
    name,
    publicKey: bytesToBase64Url(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
  })
  return true
}
