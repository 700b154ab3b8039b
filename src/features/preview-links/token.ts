import { bytesToBase64Url } from '../../lib/encoding'
import { hmacSha256 } from '../../lib/tokens'

export type PreviewClaims = { postId: number; nonce: string; expiresAt: number }

const TOKEN = /^([1-9][0-9]{0,15})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/

const signature = async (pepper: string, { postId, nonce, expiresAt }: PreviewClaims) =>
  bytesToBase64Url(await hmacSha256(pepper, `preview-link:${postId}.${expiresAt}.${nonce}`))

/** `<post id>.<expiry, base 36 ms>.<nonce>.<HMAC-SHA256 with the site's secret>`, URL-safe. */
export async function signPreviewToken(pepper: string, claims: PreviewClaims): Promise<string> {
  const { postId, nonce, expiresAt } = claims
  return `${postId}.${expiresAt.toString(36)}.${nonce}.${await signature(pepper, claims)}`
}

/** The token's claims when its signature is the site's own, null for anything else. */
export async function readPreviewToken(
  pepper: string,
  token: string,
): Promise<PreviewClaims | null> {
  const match = TOKEN.exec(token)
  if (!match) return null
  const claims = { postId: Number(match[1]), expiresAt: parseInt(match[2], 36), nonce: match[3] }
  if (!Number.isSafeInteger(claims.postId) || !Number.isSafeInteger(claims.expiresAt)) return null
  return sameText(await signature(pepper, claims), match[4]) ? claims : null
}

/** Compares in a time that depends on the length only, not on where the texts differ. */
function sameText(a: string, b: string) {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return difference === 0
}
