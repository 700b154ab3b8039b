import type { Context } from 'hono'
import { findUserByEmail } from './users'
import { DUMMY_PASSWORD_HASH, verifyPassword } from './verify-password'
import { openSession } from './editor-session'
import { markKnownDevice } from './known-device'
import { claimPasswordCheck, passwordWasRight } from './password-attempt'
import { auditRequest } from './audit-log'
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

/**
 * Checks the throttle, the password, and on success opens a session and marks the browser as a
 * known device of the account; both cookies are set.
 */
export async function attemptLogin(
  c: Context<AdminEnv>,
  email: string,
  password: string,
): Promise<LoginResult> {
  const { db } = c.var
  const pepper = authPepper(c.env)
  const now = Date.now()
  // The account is looked up first: a known-device cookie is signed for an account id.
  const user = email ? await findUserByEmail(db, email) : null
  const attempt = await claimPasswordCheck(c, db, pepper, email, user?.id ?? null, now)
  if (!attempt.ok)
    return { ok: false, reason: 'blocked', retryAfterSeconds: attempt.retryAfterSeconds }

  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH, pepper)
  // The attempt was counted as a failure up front; only a success takes it back.
  // An account whose password is off signs in with its passkeys only.
  if (!user || !valid || user.disabledAt || user.passwordOff) {
    // Only checked attempts are recorded: the throttle bounds them, so the log cannot be flooded.
    await auditRequest(c, {
      event: 'sign_in_failed',
      userId: user?.id,
      email: user?.email,
      detail: !user
        ? 'unknown account'
        : !valid
          ? 'wrong password'
          : user.disabledAt
            ? 'account disabled'
            : 'password turned off',
    })
    return { ok: false, reason: 'failed' }
  }

  await passwordWasRight(db, attempt)
  await openSession(c, db, user.id, now)
  await markKnownDevice(c, pepper, user.id)
  await auditRequest(c, {
    event: 'sign_in',
    userId: user.id,
    email: user.email,
    detail: 'password',
  })
  return { ok: true, user }
}

/**
 * Who is saving a form: the signed-in editor, or, once their session has expired, whoever the
 * login fields sent inside the form sign in (the session is renewed for this request on).
 */
export async function editorForSave(
  c: Context<AdminEnv>,
  loginEmail: string,
  loginPassword: string,
): Promise<
  { ok: true; user: User } | { ok: false; result: Exclude<LoginResult, { ok: true }> | null }
> {
  if (c.var.editor) return { ok: true, user: c.var.editor }
  const result =
    loginEmail || loginPassword ? await attemptLogin(c, loginEmail, loginPassword) : null
  if (!result?.ok) return { ok: false, result }
  c.set('editor', result.user)
  return { ok: true, user: result.user }
}
