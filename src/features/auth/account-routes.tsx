import { Hono } from 'hono'
import { setUserPassword } from './users'
import * as v from 'valibot'
import { lenientQuery, typedForm, typedText } from '../../lib/validation/form'
import { passwordChangeFields, passwordSchema } from './user-schemas'
import { hashPassword } from './password'
import { verifyPassword } from './verify-password'
import { openSession, requireEditor } from './editor-session'
import type { AdminEnv, EditorEnv } from '../../types'
import { accessTokenRoutes } from './access-token-routes'
import { agentNotice } from './agent-access-on-page'
import { renderAccountPage } from './render-account-page'
import { authPepper } from './login'
import { claimPasswordCheck, passwordWasRight } from './password-attempt'
import { auditRequest } from './audit-log'
import { passkeyAccountRoutes } from './passkey-account-routes'
import { passkeyNotice } from './passkeys-on-page'
import type { AccountPage } from './views/account-page'

export const adminAccountRoutes = new Hono<AdminEnv>()
  .use(requireEditor)
  .get(
    '/',
    lenientQuery(v.object({ changed: typedText, passkey: typedText, agent: typedText })),
    async (c) => {
      const { changed, passkey, agent } = c.req.valid('query')
      const notice = changed
        ? c.var.a.passwordChanged
        : (passkeyNotice(c, passkey) ?? agentNotice(c, agent))
      return renderAccountPage(c, { notice })
    },
  )
  .route('/', passkeyAccountRoutes)
  .route('/', accessTokenRoutes)
  .post('/password', typedForm(passwordChangeFields), async (c) => {
    const { a, db, editor } = c.var
    const { currentPassword, newPassword, repeatPassword } = c.req.valid('form')
    const errors: Parameters<typeof AccountPage>[0]['errors'] = {}
    // Guessing the current password from a session is throttled like guessing it at sign-in.
    const pepper = authPepper(c.env)
    const attempt = await claimPasswordCheck(c, db, pepper, editor.email, editor.id)
    if (!attempt.ok) {
      c.status(429)
      c.header('Retry-After', String(attempt.retryAfterSeconds))
      errors.currentPassword = a.tooManyAttempts(Math.ceil(attempt.retryAfterSeconds / 60))
      return renderAccountPage(c, { errors })
    }
    if (await verifyPassword(currentPassword, editor.passwordHash, pepper)) {
      await passwordWasRight(db, attempt)
    } else {
      errors.currentPassword = a.currentPasswordWrong
    }
    const checked = v.safeParse(passwordSchema(a), newPassword)
    if (!checked.success) errors.newPassword = checked.issues[0].message
    else if (newPassword !== repeatPassword) errors.repeatPassword = a.passwordsDiffer
    if (Object.keys(errors).length > 0) {
      c.status(422)
      return renderAccountPage(c, { errors })
    }
    // Every session of this editor ends, this one included; a fresh one keeps them logged in here.
    await setUserPassword(db, editor.id, await hashPassword(newPassword, pepper))
    await openSession(c, db, editor.id)
    await auditRequest(c, { event: 'password_changed', userId: editor.id, email: editor.email })
    return c.redirect('/admin/account?changed=1', 303)
  })
