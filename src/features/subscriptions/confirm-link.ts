import { bytesToBase64Url } from '../../lib/encoding'
import { hmacSha256 } from '../../lib/tokens'

/** A confirmation link is valid 48 hours. */
export const CONFIRM_LINK_MS = 48 * 3_600_000

const signed = (pepper: string, id: number, expiresAt: number, rowToken: string) =>
  hmacSha256(pepper, `subscription-confirm|${id}|${expiresAt}|${rowToken}`)

/**
 * `<id>.<expiry>.<signature>`: signed with the server's secret over the subscriber's own random
 * token, so a link stops working once that subscriber is erased, even if the id comes back.
 */
export async function confirmToken(
  pepper: string,
  subscriber: { id: number; token: string },
  expiresAt: number,
): Promise<string> {
  const mac = await signed(pepper, subscriber.id, expiresAt, subscriber.token)
  return `${subscriber.id}.${expiresAt.toString(36)}.${bytesToBase64Url(mac)}`
}

export type ConfirmClaim = { id: number; expiresAt: number; signature: string }

export function readConfirmToken(text: string): ConfirmClaim | null {
  const match = /^([1-9][0-9]{0,15})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(text)
  if (!match) return null
  return { id: Number(match[1]), expiresAt: parseInt(match[2], 36), signature: match[3] }
}

export async function confirmTokenHolds(
  pepper: string,
  claim: ConfirmClaim,
  rowToken: string,
  now: number,
): Promise<boolean> {
  if (claim.expiresAt < now) return false
  // Compared as text: a base64url string with other padding bits would decode to the same bytes.
  const expected = bytesToBase64Url(await signed(pepper, claim.id, claim.expiresAt, rowToken))
  if (claim.signature.length !== expected.length) return false
  let difference = 0
  for (let i = 0; i < expected.length; i++)
    difference |= claim.signature.charCodeAt(i) ^ expected.charCodeAt(i)
  return difference === 0
}
