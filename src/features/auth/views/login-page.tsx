import type { AdminMessages } from '../../../i18n/admin'
import { Notice } from '../../../ui/admin-nav'
import { FIELD_MAX } from '../../../lib/validation/limits'
import type { PasskeyMessages } from '../passkey-messages'
import { PasskeySignIn } from './passkeys-section'

type LoginPageProps = {
  a: AdminMessages
  email: string
  next: string
  error?: string | null
  forgotLink: string
  passkeys: PasskeyMessages
}

export function LoginPage({ a, email, next, error, forgotLink, passkeys }: LoginPageProps) {
  return (
    <section class="admin login">
      <h1>{a.loginTitle}</h1>
      <Notice message={error} tone="error" />
      <form method="post" action="/admin/login" class="stack">
        <input type="hidden" name="next" value={next} />
        <label>
          {a.email}
          <input
            type="email"
            name="email"
            value={email}
            maxlength={FIELD_MAX.email}
            autocomplete="username webauthn"
            required
            autofocus
          />
        </label>
        <label>
          {a.password}
          <input
            type="password"
            name="password"
            autocomplete="current-password"
            required
            maxlength={FIELD_MAX.password}
          />
        </label>
        <button type="submit">{a.login}</button>
      </form>
      <PasskeySignIn p={passkeys} next={next} />
      <p>
        <a href="/admin/recover">{forgotLink}</a>
      </p>
    </section>
  )
}

/** Shown inside a rejected save when the session expired, so logging in and saving is one step. */
export function InlineLogin({ a, error }: { a: AdminMessages; error?: string | null }) {
  return (
    <fieldset class="inline-login">
      <legend>{a.login}</legend>
      <Notice message={error ?? a.sessionExpired} tone="error" />
      <label>
        {a.email}
        <input
          type="email"
          name="loginEmail"
          autocomplete="username"
          required
          maxlength={FIELD_MAX.email}
        />
      </label>
      <label>
        {a.password}
        <input
          type="password"
          name="loginPassword"
          autocomplete="current-password"
          required
          maxlength={FIELD_MAX.password}
        />
      </label>
    </fieldset>
  )
}
