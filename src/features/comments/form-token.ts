import { bytesToBase64Url } from '../../lib/encoding'
import { hmacSha256 } from '../../lib/tokens'

/** A person needs a few seconds to write anything; a script posts at once. */
export const MIN_FILL_MS = 3_000
/** Cached pages live a day at most (page-cache/keys.ts): a form they carry stays valid two. */
export const MAX_FORM_AGE_MS = 2 * 86_400_000

const TOKEN = /^([0-9]{1,12})\.([A-Za-z0-9_-]{22})$/

const signature = async (pepper: string, postId: number, seconds: number) =>
  bytesToBase64Url(await hmacSha256(pepper, `comment-form:${postId}.${seconds}`)).slice(0, 22)

/**
 * `<render time, seconds>.<HMAC under the site's secret>`: when the form was rendered, and for
 * which post. No state is kept; the page cache keeps the token its page was rendered with, which
 * stays valid longer than the page is kept.
 */
export async function formToken(pepper: string, postId: number, now = Date.now()) {
  const seconds = Math.floor(now / 1000)
  return `${seconds}.${await signature(pepper, postId, seconds)}`
}

export type TokenCheck = 'ok' | 'invalid' | 'tooFast' | 'tooOld'

export async function checkFormToken(
  pepper: string,
  postId: number,
  token: string,
  now = Date.now(),
): Promise<TokenCheck> {
  const match = TOKEN.exec(token)
  if (!match) return 'invalid'
  const seconds = Number(match[1])
  const expected = await signature(pepper, postId, seconds)
  if (!sameText(expected, match[2])) return 'invalid'
  const age = now - seconds * 1000
  if (age < MIN_FILL_MS) return 'tooFast'
  if (age > MAX_FORM_AGE_MS) return 'tooOld'
  return 'ok'
}

function sameText(a: string, b: string) {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
