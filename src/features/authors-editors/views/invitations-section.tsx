import { USER_ROLES, type Invitation } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { FIELD_MAX } from '../../../lib/validation/limits'
import { FieldError } from '../../../ui/admin-nav'
import type { AccountLinkMessages, HandedLink, InvitationForm } from '../../account-links'

export type HandedLinkNotice = HandedLink & { kind: 'invitation' | 'recovery' }

/** A link just made, shown once to copy, and what became of its email. */
export function HandedLinkBox({ m, handed }: { m: AccountLinkMessages; handed: HandedLinkNotice }) {
  const mailNote = {
    sent: m.mailedTo(handed.email),
    outbox: m.keptInOutbox,
    failed: m.mailFailed,
    unavailable: m.mailUnavailable,
  }[handed.mail]
  return (
    <div class="notice notice-info handed-link" role="status">
      <p>
        {handed.kind === 'invitation'
          ? m.invitationMade(handed.email)
          : m.recoveryMade(handed.email)}
      </p>
      <label>
        {m.linkLabel}
        <input type="text" readonly value={handed.link} class="copy-link" />
      </label>
      <p>{mailNote}</p>
    </div>
  )
}

type InvitationsSectionProps = {
  a: AdminMessages
  m: AccountLinkMessages
  invitations: Invitation[]
  form: InvitationForm | { email: string; role: string }
  errors: { email?: string }
  formatTime: (at: Date) => string
}

export function InvitationsSection(props: InvitationsSectionProps) {
  const { a, m, invitations, form, errors, formatTime } = props
  return (
    <>
      <h2>{m.inviteTitle}</h2>
      <p>{m.inviteHelp}</p>
      <form method="post" action="/admin/users/invitations" class="stack narrow">
        <label>
          {a.email}
          <input
            type="email"
            name="email"
            value={form.email}
            required
            maxlength={FIELD_MAX.email}
          />
        </label>
        <FieldError id="invite-email-error" message={errors.email} />
        <label>
          {a.role}
          <select name="role">
            {USER_ROLES.map((role) => (
              <option value={role} selected={form.role === role}>
                {a.roles[role]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{m.invite}</button>
      </form>
      {invitations.length > 0 && (
        <>
          <h3>{m.pendingInvitations}</h3>
          <table class="admin-users admin-invitations">
            <thead>
              <tr>
                <th scope="col">{a.email}</th>
                <th scope="col">{a.role}</th>
                <th scope="col">{m.expires}</th>
                <th scope="col">
                  <span class="visually-hidden">{m.revoke}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr data-invitation-id={invitation.id}>
                  <td>{invitation.email}</td>
                  <td data-label={a.role}>
                    {(a.roles as Record<string, string>)[invitation.role] ?? invitation.role}
                  </td>
                  <td data-label={m.expires}>{formatTime(invitation.expiresAt)}</td>
                  <td>
                    <form
                      method="post"
                      action={`/admin/users/invitations/${invitation.id}/revoke`}
                      class="inline-form"
                    >
                      <button type="submit" class="link-button danger-link">
                        {m.revoke}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}
