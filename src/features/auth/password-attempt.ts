import type { Context } from 'hono'
import {
  claimLoginAttempt,
  forgetLoginFailures,
  loginBlockedUntil,
  type AttemptKeys,
} from './lockout'
import { knownDeviceKey } from './known-device'
import { normalizeEmail } from './users'
import { bytesToHex } from '../../lib/encoding'
import { hmacSha256 } from '../../lib/tokens'
import type { Db } from '../../db/client'

export type PasswordAttempt =
  { ok: true; keys: AttemptKeys; ids: number[] } | { ok: false; retryAfterSeconds: number }

/**
 * The keys a password typed for `email` is counted under. A browser with a known-device cookie
 * for this account is counted alone. Any other client is its CF-Connecting-IP on this account,
 * and is also counted under the account and under the address (Cloudflare sets that header and a
 * client cannot forge it); the address is kept only as a keyed hash.
 */
async function attemptKeys(
  c: Context,
  pepper: string,
  email: string,
  userId: number | null,
): Promise<AttemptKeys> {
  const device = userId === null ? null : await knownDeviceKey(c, pepper, userId)
  if (device) return { client: device, locks: [] }
  const account = normalizeEmail(email)
  const ip = c.req.header('CF-Connecting-IP') ?? 'unknown'
  const address = await keyedHash(pepper, `login-client:${ip}`)
  const client = await keyedHash(pepper, `login-client:${ip}\n${account}`)
  return { client: `client:${client}`, locks: [`account:${account}`, `address:${address}`] }
}

async function keyedHash(pepper: string, text: string) {
  return bytesToHex(await hmacSha256(pepper, text)).slice(0, 32)
}

/**
 * Claims the right to check one password for `email` (whose account is `userId`, if any) before
 * it is checked; when refused, says in how many seconds to try again.
 */
export async function claimPasswordCheck(
  c: Context,
  db: Db,
  pepper: string,
  email: string,
  userId: number | null,
  now = Date.now(),
): Promise<PasswordAttempt> {
  const keys = await attemptKeys(c, pepper, email, userId)
  const ids = await claimLoginAttempt(db, keys, now)
  if (ids) return { ok: true, keys, ids }
  const until = await loginBlockedUntil(db, keys, now)
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) }
}

/** The password was right: the attempt, claimed as a failure, is taken back with the client's. */
export async function passwordWasRight(db: Db, attempt: { keys: AttemptKeys; ids: number[] }) {
  await forgetLoginFailures(db, attempt.keys, attempt.ids)
}
