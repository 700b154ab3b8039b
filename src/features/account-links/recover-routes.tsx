import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { LOCALES, type Locale } from '../../i18n/site'
import { mailerFor } from '../../lib/mail'
import { typedForm } from '../../lib/validation/form'
import { FIELD_MAX } from '../../lib/validation/limits'
import type { AdminEnv } from '../../types'
import { renderGone } from './gone'
import { linkTokenParams } from './link-token'
import { accountLinkMessagesFor } from './messages'
import { mailRecoveryLink, recoverAccount } from './recover'
import { findRecoveryLink, recoveryState } from './recovery-links'
import { forgotFields, newPasswordFields, passwordErrors, type PasswordErrors } from './schemas'
import { ForgotPage, RecoverPage } from './views/link-pages'

/** The reader of the message is the person at this browser: their language if the blog has it. */
function browserLanguage(acceptLanguage: string | undefined, fallback: Locale): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';')
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      )
      return { language: tag.split('-')[0], q: Number.isFinite(q) ? q : 0 }
    })
    .filter((entry) => entry.q > 0)
    .sort((x, y) => y.q - x.q)
  return (
    (ranked
      .map((entry) => entry.language)
      .find((language) => (LOCALES as readonly string[]).includes(language)) as
      Locale | undefined) ?? fallback
  )
}

function renderForgot(c: Context<AdminEnv>, sentTo: string | null) {
  const m = accountLinkMessagesFor(c.var.site.locale)
  return c.render(
    <ForgotPage a={c.var.a} m={m} mailAvailable={mailerFor(c).available} sentTo={sentTo} />,
    { title: m.forgotTitle, admin: true },
  )
}

/** The link behind the address: a 404 if none, the reason if it no longer works. */
async function validLink(c: Context<AdminEnv>, token: string) {
  const found = await findRecoveryLink(c.var.db, token)
  if (!found) throw new HTTPException(404)
  const state = recoveryState(found.link)
  if (state === 'used') return { gone: 'recoveryUsed' as const }
  if (state === 'expired') return { gone: 'recoveryExpired' as const }
  if (found.user.disabledAt) return { gone: 'accountDisabled' as const }
  return { user: found.user }
}

function renderRecover(c: Context<AdminEnv>, token: string, email: string, errors: PasswordErrors) {
  const m = accountLinkMessagesFor(c.var.site.locale)
  return c.render(
    <RecoverPage m={m} action={`/admin/recover/${token}`} email={email} errors={errors} />,
    { title: m.recoverTitle, admin: true },
  )
}

/**
 * `/admin/recover`: "Forgot your password or lost your passkey?" sends a one-time link by email
 * when the blog can send mail; `/admin/recover/<token>` sets a new password with one.
 */
export const recoverRoutes = new Hono<AdminEnv>()
  .get('/', (c) => renderForgot(c, null))
  .post('/', typedForm(forgotFields), async (c) => {
    const { email } = c.req.valid('form')
    if (!email || !mailerFor(c).available) return renderForgot(c, null)
    // No account has a longer address: the same answer, and nothing to look up.
    if (email.length > FIELD_MAX.email) return renderForgot(c, email.slice(0, FIELD_MAX.email))
    // The answer is the same for any address and does not wait for the lookup or the message,
    // so neither its words nor its timing say whether an account uses the address.
    const language = browserLanguage(c.req.header('Accept-Language'), c.var.site.locale)
    c.executionCtx.waitUntil(
      mailRecoveryLink(c, email, language).catch((error) =>
        console.error('A recovery link could not be sent:', error),
      ),
    )
    return renderForgot(c, email)
  })
  .get('/:token', linkTokenParams, async (c) => {
    const { token } = c.req.valid('param')
    const found = await validLink(c, token)
    if (found.gone) return renderGone(c, found.gone)
    return renderRecover(c, token, found.user.email, {})
  })
  .post('/:token', linkTokenParams, typedForm(newPasswordFields), async (c) => {
    const { token } = c.req.valid('param')
    const found = await validLink(c, token)
    if (found.gone) return renderGone(c, found.gone)
    const form = c.req.valid('form')
    const errors = passwordErrors(c.var.a, form)
    if (Object.keys(errors).length > 0) {
      c.status(422)
      return renderRecover(c, token, found.user.email, errors)
    }
    const user = await recoverAccount(c, token, form.password)
    if (!user) return renderGone(c, (await validLink(c, token)).gone ?? 'recoveryUsed')
    return c.redirect('/admin/posts', 303)
  })
