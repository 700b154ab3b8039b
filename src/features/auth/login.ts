import type { Context } from 'hono'
import {
  LOGIN_WINDOW_MS,
  claimLoginAttempt,
  forgetLoginFailures,
  loginBlockedUntil,
} from './lockout'
import { findUserByEmail, normalizeEmail } from './users'
import { bytesToHex } from '../../lib/encoding'
import { DUMMY_PASSWORD_HASH, verifyPassword } from './verify-password'
import { hmacSha256 } from '../../lib/tokens'
import { openSession } from './editor-session'
import type { AdminEnv } from '../../types'
import type { User } from '../../db/schema'

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'failed' }
  | { ok: false; reason: 'blocked'; retryAfterSeconds: number }

export function authPepper(env: Env): string {
  const pepper = env.AUTH_PEPPER
  if (!pepper)
    throw new Error('The AUTH_PEPPER secret is not set: `wrangler secret put AUTH_PEPPER`.')
  return pepper
}

/** Failed logins are counted per account and per client; the client is a keyed hash, never an IP. */
async function attemptKeys(c: Context<AdminEnv>, email: string) {
  // Cloudflare sets CF-Connecting-IP and a client cannot forge it; X-Forwarded-For it could.
  const ip = c.req.header('CF-Connecting-IP') ?? 'unknown'
  const client = bytesToHex(await hmacSha256(authPepper(c.env), `login-client:${ip}`)).slice(0, 32)
  return { account: `account:${normalizeEmail(email)}`, client: `client:${client}` }
}

/** Checks the lockout, the password, and on success opens a session and sets its cookie. */
export async function attemptLogin(
  c: Context<AdminEnv>,
  email: string,
  password: string,
): Promise<LoginResult> {
  const { db } = c.var
  const now = Date.now()
  const keys = await attemptKeys(c, email)
  const attempt = await claimLoginAttempt(db, [keys.account, keys.client], now)
  if (!attempt) {
    const blockedUntil =
      (await loginBlockedUntil(db, [keys.account, keys.client], now)) ?? now + LOGIN_WINDOW_MS
    return {
      ok: false,
      reason: 'blocked',
      retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - now) / 1000)),
    }
  }

  const user = email ? await findUserByEmail(db, email) : null
  const valid = await verifyPassword(
    password,
    user?.passwordHash ?? DUMMY_PASSWORD_HASH,
    authPepper(c.env),
  )
  // The attempt was counted as a failure up front; only a success takes it back.
  if (!user || !valid || user.disabledAt) return { ok: false, reason: 'failed' }

  await forgetLoginFailures(db, keys.account, attempt)
  await openSession(c, db, user.id, now)
  return { ok: true, user }
}
