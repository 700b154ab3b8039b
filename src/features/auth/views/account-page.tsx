import type { Passkey, User } from '../../../db/schema'
import type { Locale } from '../../../i18n/site'
import type { PasskeyMessages } from '../passkey-messages'
import { PasskeysSection } from './passkeys-section'
import { AgentAccessSection } from './agent-access-section'
import type { AgentAccessOnPage } from '../agent-access-on-page'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { FIELD_MAX } from '../../../lib/validation/limits'

type AccountPageProps = {
  a: AdminMessages
  editor: User
  errors: Partial<Record<'currentPassword' | 'newPassword' | 'repeatPassword', string>>
  notice?: string | null
  passkeys: { p: PasskeyMessages; list: Passkey[]; locale: Locale; timeZone: string }
  agents: AgentAccessOnPage
}

export function AccountPage({ a, editor, errors, notice, passkeys, agents }: AccountPageProps) {
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>{a.account}</h1>
      <p>
        {editor.name} — {editor.email} — {a.roles[editor.role]}
      </p>
      <Notice message={notice} />
      <h2>{a.changePassword}</h2>
      <form method="post" action="/admin/account/password" class="stack narrow">
        <label>
          {a.currentPassword}
          <input
            type="password"
            name="currentPassword"
            autocomplete="current-password"
            required
            maxlength={FIELD_MAX.password}
          />
        </label>
        <FieldError id="currentPassword-error" message={errors.currentPassword} />
        <label>
          {a.newPassword}
          <input
            type="password"
            name="newPassword"
            maxlength={FIELD_MAX.password}
            autocomplete="new-password"
            minlength={12}
            required
          />
        </label>
        <FieldError id="newPassword-error" message={errors.newPassword} />
        <label>
          {a.repeatPassword}
          <input
            type="password"
            name="repeatPassword"
            maxlength={FIELD_MAX.password}
            autocomplete="new-password"
            minlength={12}
            required
          />
        </label>
        <FieldError id="repeatPassword-error" message={errors.repeatPassword} />
        <button type="submit">{a.changePassword}</button>
      </form>
      <PasskeysSection
        p={passkeys.p}
        editor={editor}
        passkeys={passkeys.list}
        locale={passkeys.locale}
        timeZone={passkeys.timeZone}
      />
      <AgentAccessSection {...agents} />
    </section>
  )
}
