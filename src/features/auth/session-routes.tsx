import { Hono } from 'hono'
import { deleteSession } from './sessions'
import { lenientQuery, typedForm } from '../../lib/validation/form'
import { loginForm, loginQuery } from './schemas'
import { clearSessionCookie } from './editor-session'
import type { AdminEnv } from '../../types'
import { LoginPage } from './views/login-page'
import { attemptLogin } from './login'
import { authMessagesFor } from './messages'
import { passkeyLoginRoutes } from './passkey-login-routes'
import { passkeyMessagesFor } from './passkey-messages'

export const adminSessionRoutes = new Hono<AdminEnv>()
  .get('/', lenientQuery(loginQuery), (c) => {
    const { next } = c.req.valid('query')
    if (c.var.editor) return c.redirect(next, 303)
    const { forgotLink } = authMessagesFor(c.var.site.locale)
    const passkeys = passkeyMessagesFor(c.var.site.locale)
    return c.render(
      <LoginPage a={c.var.a} email="" next={next} forgotLink={forgotLink} passkeys={passkeys} />,
      { title: c.var.a.loginTitle, admin: true },
    )
  })
  // Someone who types the form's address lands on the form.
  .get('/login', (c) => c.redirect('/admin', 303))
  .post('/login', typedForm(loginForm), async (c) => {
    const { email, password, next } = c.req.valid('form')
    const { a } = c.var
    const result = await attemptLogin(c, email, password)
    if (result.ok) return c.redirect(next, 303)

    let error = a.loginFailed
    if (result.reason === 'blocked') {
      c.status(429)
      c.header('Retry-After', String(result.retryAfterSeconds))
      error = a.tooManyAttempts(Math.ceil(result.retryAfterSeconds / 60))
    } else {
      c.status(401)
    }
    const { forgotLink } = authMessagesFor(c.var.site.locale)
    return c.render(
      <LoginPage
        a={a}
        email={email}
        next={next}
        error={error}
        forgotLink={forgotLink}
        passkeys={passkeyMessagesFor(c.var.site.locale)}
      />,
      {
        title: a.loginTitle,
        admin: true,
      },
    )
  })
  .route('/passkey', passkeyLoginRoutes)
  .post('/logout', async (c) => {
    if (c.var.sessionTokenHash) await deleteSession(c.var.db, c.var.sessionTokenHash)
    clearSessionCookie(c)
    return c.redirect('/admin', 303)
  })
