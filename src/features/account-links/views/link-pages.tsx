import type { AdminMessages } from '../../../i18n/admin'
import { FIELD_MAX } from '../../../lib/validation/limits'
import { FieldError, Notice } from '../../../ui/admin-nav'
import type { AccountLinkMessages } from '../messages'
import type { PasswordErrors } from '../schemas'

/** A link that no longer works, saying why. */
export function LinkGonePage({
  title,
  body,
  a,
}: {
  title: string
  body: string
  a: AdminMessages
}) {
  return (
    <section class="admin login">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/admin">{a.login}</a>
      </p>
    </section>
  )
}

function PasswordFields({ m, errors }: { m: AccountLinkMessages; errors: PasswordErrors }) {
  return (
    <>
      <label>
        {m.password}
        <input
          type="password"
          name="password"
          autocomplete="new-password"
          minlength={12}
          maxlength={FIELD_MAX.password}
          required
        />
      </label>
      <FieldError id="password-error" message={errors.password} />
      <label>
        {m.repeatPassword}
        <input
          type="password"
          name="repeatPassword"
          autocomplete="new-password"
          minlength={12}
          maxlength={FIELD_MAX.password}
          required
        />
      </label>
      <FieldError id="repeatPassword-error" message={errors.repeatPassword} />
    </>
  )
}

type JoinPageProps = {
  m: AccountLinkMessages
  title: string
  intro: string
  action: string
  email: string
  name: string
  errors: PasswordErrors
}

export function JoinPage({ m, title, intro, action, email, name, errors }: JoinPageProps) {
  return (
    <section class="admin login">
      <h1>{title}</h1>
      <p>{intro}</p>
      <form method="post" action={action} class="stack">
        {/* Lets a password manager file the new password under the right account. */}
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <label>
          {m.name}
          <input
            name="name"
            value={name}
            autocomplete="name"
            required
            maxlength={FIELD_MAX.editorName}
            autofocus
          />
        </label>
        <FieldError id="name-error" message={errors.name} />
        <PasswordFields m={m} errors={errors} />
        <button type="submit">{m.join}</button>
      </form>
    </section>
  )
}

export function RecoverPage(props: {
  m: AccountLinkMessages
  action: string
  email: string
  errors: PasswordErrors
}) {
  const { m, action, email, errors } = props
  return (
    <section class="admin login">
      <h1>{m.recoverTitle}</h1>
      <p>{m.recoverIntro(email)}</p>
      <form method="post" action={action} class="stack">
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <PasswordFields m={m} errors={errors} />
        <button type="submit">{m.saveAndSignIn}</button>
      </form>
    </section>
  )
}

export function ForgotPage(props: {
  a: AdminMessages
  m: AccountLinkMessages
  mailAvailable: boolean
  sentTo: string | null
}) {
  const { a, m, mailAvailable, sentTo } = props
  return (
    <section class="admin login">
      <h1>{m.forgotTitle}</h1>
      {!mailAvailable ? (
        <p>{m.forgotNoMail}</p>
      ) : sentTo !== null ? (
        <Notice message={m.forgotSent(sentTo)} />
      ) : (
        <>
          <p>{m.forgotIntro}</p>
          <form method="post" action="/admin/recover" class="stack">
            <label>
              {a.email}
              <input
                type="email"
                name="email"
                maxlength={FIELD_MAX.email}
                autocomplete="username"
                required
                autofocus
              />
            </label>
            <button type="submit">{m.sendLink}</button>
          </form>
        </>
      )}
      <p>
        <a href="/admin">{m.backToLogin}</a>
      </p>
    </section>
  )
}
