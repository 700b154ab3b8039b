import type { Passkey, User } from '../../../db/schema'
import type { Locale } from '../../../i18n/site'
import { formatDateTime } from '../../../lib/dates'
import { PASSKEYS_SCRIPT_SRC, WEBAUTHN_BROWSER_SCRIPT_SRC } from '../../../ui/assets'
import type { PasskeyMessages } from '../passkey-messages'

type PasskeysSectionProps = {
  p: PasskeyMessages
  editor: User
  passkeys: Passkey[]
  locale: Locale
  timeZone: string
}

/** On /admin/account: the editor's passkeys, adding one (script), removing one, the password switch. */
export function PasskeysSection({ p, editor, passkeys, locale, timeZone }: PasskeysSectionProps) {
  const when = (date: Date) => formatDateTime(date, locale, timeZone)
  return (
    <>
      <h2>{p.passkeys}</h2>
      <p>{p.passkeysIntro}</p>
      {passkeys.length === 0 ? (
        <p>{p.noPasskeys}</p>
      ) : (
        <ul class="passkeys">
          {passkeys.map((passkey) => (
            <li>
              <strong>{passkey.name}</strong> — {p.added} {when(passkey.createdAt)} — {p.lastUsed}{' '}
              {passkey.lastUsedAt ? when(passkey.lastUsedAt) : p.never}{' '}
              <form
                method="post"
                action={`/admin/account/passkeys/${passkey.id}/delete`}
                class="inline-form"
              >
                <button type="submit" aria-label={`${p.removePasskey} ${passkey.name}`}>
                  {p.removePasskey}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form
        id="passkey-add"
        class="stack narrow"
        data-options="/admin/account/passkeys/options"
        data-action="/admin/account/passkeys"
        data-refused={p.passkeyRefused}
        data-unsupported={p.passkeyUnsupported}
      >
        <label>
          {p.passkeyName}
          <input
            type="text"
            name="passkeyName"
            required
            maxlength={60}
            placeholder={p.passkeyNamePlaceholder}
          />
        </label>
        <p id="passkey-status" role="status"></p>
        <button type="submit">{p.addPasskey}</button>
      </form>
      <h2>{p.passwordSignIn}</h2>
      {editor.passwordOff ? (
        <form method="post" action="/admin/account/password-on" class="stack narrow">
          <p>{p.passwordOffIntro}</p>
          <button type="submit">{p.turnPasswordOn}</button>
        </form>
      ) : (
        passkeys.length > 0 && (
          <form method="post" action="/admin/account/password-off" class="stack narrow">
            <p>{p.passwordOnIntro}</p>
            <button type="submit">{p.turnPasswordOff}</button>
          </form>
        )
      )}
      <script src={WEBAUTHN_BROWSER_SCRIPT_SRC} defer></script>
      <script src={PASSKEYS_SCRIPT_SRC} defer></script>
    </>
  )
}

/** On the login page: the passkey button, and the browser's autofill where it offers passkeys. */
export function PasskeySignIn({ p, next }: { p: PasskeyMessages; next: string }) {
  return (
    <div
      id="passkey-sign-in"
      data-options="/admin/passkey/options"
      data-action="/admin/passkey/sign-in"
      data-next={next}
      data-refused={p.passkeyRefused}
      data-unsupported={p.passkeyUnsupported}
    >
      <button type="button">{p.signInWithPasskey}</button>
      <p id="passkey-status" role="status"></p>
      <script src={WEBAUTHN_BROWSER_SCRIPT_SRC} defer></script>
      <script src={PASSKEYS_SCRIPT_SRC} defer></script>
    </div>
  )
}
