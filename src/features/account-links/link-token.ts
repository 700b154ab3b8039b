import * as v from 'valibot'
import { randomToken, sha256Hex } from '../../lib/tokens'
import { validParams } from '../../lib/validation/form'

/** A new link's secret (256 random bits, in the address) and the hash D1 keeps of it. */
export async function newLinkToken() {
  const token = randomToken()
  return { token, tokenHash: await sha256Hex(token) }
}

export const linkTokenHash = (token: string) => sha256Hex(token)

/** `{ token }` of `/admin/join/:token` and `/admin/recover/:token`: any other shape is no page. */
export const linkTokenParams = validParams(
  v.object({ token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)) }),
)
