import { bytesToBase64Url } from '../../lib/encoding'
import { hmacSha256 } from '../../lib/tokens'

/** Recognises a returning commenter without keeping the address: HMAC under the site's secret. */
export async function emailHash(pepper: string, email: string) {
  if (!email) return ''
  return bytesToBase64Url(await hmacSha256(pepper, `comment-email:${email.trim().toLowerCase()}`))
}

/** The one-click unsubscribe link's signature: it names the comment, nothing else. */
export async function unsubscribeSignature(pepper: string, commentId: number) {
  return bytesToBase64Url(await hmacSha256(pepper, `comment-unsubscribe:${commentId}`)).slice(0, 22)
}
