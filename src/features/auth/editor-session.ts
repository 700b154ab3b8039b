import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { SESSION_ABSOLUTE_MS, createSession, findSessionUser } from './sessions'
import { adminMessagesFor } from '../../i18n/admin'
import { sha256Hex } from '../../lib/tokens'
import { isSignedSessionToken, newSessionToken } from './session-token'
import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import type { AdminEnv, EditorEnv } from '../../types'

/** Sent as `__Host-session`: Secure, Path=/ and no Domain, so no other host can set or read it. */
const SESSION_COOKIE = 'session'

const signedTokens = new WeakMap<Request, Promise<string | null>>()

/** The request's session token if this server signed it (checked once per request), else null. */
function signedSessionToken(c: Context): Promise<string | null> {
  let signed = signedTokens.get(c.req.raw)
  if (!signed) {
    const token = getCookie(c, SESSION_COOKIE, 'host')
    const pepper = (c.env as Env | undefined)?.AUTH_PEPPER
    signed = token
      ? isSignedSessionToken(token, pepper).then((valid) => (valid ? token : null))
      : Promise.resolve(null)
    signedTokens.set(c.req.raw, signed)
  }
  return signed
}

/**
 * Whether the request carries a session cookie this server signed, live or expired: such
 * requests bypass the page cache and read from the primary. Checked without D1, so a made-up
 * cookie costs no more than a reader's request: it is one.
 */
export async function carriesEditorSession(c: Context) {
  return (await signedSessionToken(c)) !== null
}

function setSessionCookie(c: Context, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    prefix: 'host',
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  })
}

/**
 * A new session for this editor: a signed random token in the cookie, only its hash in D1
 * (returned, for the request that opened it).
 */
export async function openSession(c: Context, db: Db, userId: number, now = Date.now()) {
  const pepper = (c.env as Env).AUTH_PEPPER
  if (!pepper)
    throw new Error('The AUTH_PEPPER secret is not set: `wrangler secret put AUTH_PEPPER`.')
  const token = await newSessionToken(pepper)
  const tokenHash = await sha256Hex(token)
  await createSession(db, tokenHash, userId, now)
  setSessionCookie(c, token)
  return tokenHash
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { prefix: 'host', secure: true, path: '/' })
}

/** Admin answers, refusals included, are for one editor's eyes only: never stored, never indexed. */
export const noStore = createMiddleware(async (c, next) => {
  c.header('Cache-Control', 'no-store')
  c.header('X-Robots-Tag', 'noindex')
  await next()
})

/** Who is logged in, if anyone; every admin route knows, only some insist. */
export const loadEditor = createMiddleware<AdminEnv>(async (c, next) => {
  c.set('a', adminMessagesFor(c.var.site.locale))
  const token = getCookie(c, SESSION_COOKIE, 'host')
  const signed = await signedSessionToken(c)
  const tokenHash = signed ? await sha256Hex(signed) : null
  const editor = tokenHash ? await findSessionUser(c.var.db, tokenHash) : null
  c.set('editor', editor)
  c.set('sessionTokenHash', editor ? tokenHash : null)
  if (token && !editor) clearSessionCookie(c)
  await next()
})

/**
 * Pages go to the login form (and come back after); other requests get a 401. Routes mounted
 * after it see `c.var.editor` as a `User`, never null.
 */
export const requireEditor = createMiddleware<EditorEnv>(async (c, next) => {
  // Typed as present for the routes that follow; this is where that is made true.
  if ((c.var.editor as User | null) !== null) return next()
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    const url = new URL(c.req.url)
    // Re-encoded, so a shared address in the query ("url=https://…") has no "//" left in `next`.
    const search = url.searchParams.size > 0 ? `?${url.searchParams}` : ''
    return c.redirect(`/admin?next=${encodeURIComponent(url.pathname + search)}`, 303)
  }
  throw new HTTPException(401, { message: c.var.a.loginRequired })
})

/** For the owner only; anyone else is refused with `refusal`, which names what they cannot do. */
export const ownerOnly = (refusal: (c: Context<EditorEnv>) => string) =>
  createMiddleware<EditorEnv>(async (c, next) => {
    if (c.var.editor.role === 'owner') return next()
    throw new HTTPException(403, { message: refusal(c) })
  })

export const requireOwner = ownerOnly((c) => c.var.a.ownerOnly)
