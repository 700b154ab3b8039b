import { createMiddleware } from 'hono/factory'
import type { AdminEnv } from '../../types'
import { auditRequest } from './audit-log'
import { accessEmail } from './cloudflare-access'
import { openSession } from './editor-session'
import { findUserByEmail } from './users'

/**
 * After `loadEditor`: someone without a session whom Cloudflare Access vouches for (README,
 * "Signing in") is signed in as the editor with that email, if there is one and it is active. A
 * session is opened, so the assertion is checked once, not on every request.
 */
export const accessSignIn = createMiddleware<AdminEnv>(async (c, next) => {
  if (c.var.editor === null) {
    const email = await accessEmail(c.req.raw, c.env)
    const user = email ? await findUserByEmail(c.var.db, email) : null
    if (user && !user.disabledAt) {
      c.set('sessionTokenHash', await openSession(c, c.var.db, user.id))
      c.set('editor', user)
      await auditRequest(c, {
        event: 'sign_in',
        userId: user.id,
        email: user.email,
        detail: 'access',
      })
    }
  }
  await next()
})
