import type { Invitation, User } from '../../../db/schema'
import { USER_ROLES } from '../../../db/schema'
import type { AccountLinkMessages, InvitationForm } from '../../account-links'
import { HandedLinkBox, InvitationsSection, type HandedLinkNotice } from './invitations-section'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { FIELD_MAX } from '../../../lib/validation/limits'

export type NewEditorForm = { email: string; name: string; role: string }

type UsersPageProps = {
  a: AdminMessages
  m: AccountLinkMessages
  editor: User
  users: User[]
  invitations: Invitation[]
  form: NewEditorForm
  errors: Partial<Record<'email' | 'name' | 'password' | 'role', string>>
  invitationForm: InvitationForm | { email: string; role: string }
  invitationErrors: { email?: string }
  /** An invitation or recovery link just made: shown this once. */
  handed?: HandedLinkNotice
  formatTime: (at: Date) => string
  notice?: string | null
  error?: string | null
}

/** Another account's role, changed in place (audited). */
function RoleForm({ a, user }: { a: AdminMessages; user: User }) {
  return (
    <form method="post" action={`/admin/users/${user.id}/role`} class="inline-form">
      <select name="role" aria-label={a.roleOf(user.name)}>
        {USER_ROLES.map((role) => (
          <option value={role} selected={user.role === role}>
            {a.roles[role]}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="link-button">
        {a.changeRole}
      </button>
    </form>
  )
}

export function UsersPage(props: UsersPageProps) {
  const { a, m, editor, users, form, errors, notice, error, handed } = props
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>{a.editorsTitle}</h1>
      <Notice message={notice} />
      <Notice message={error} tone="error" />
      {handed && <HandedLinkBox m={m} handed={handed} />}
      <table class="admin-users">
        <thead>
          <tr>
            <th scope="col">{a.name}</th>
            <th scope="col">{a.email}</th>
            <th scope="col">{a.role}</th>
            <th scope="col">
              <span class="visually-hidden">{a.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr data-user-id={user.id}>
              <td>
                {user.name}
                {user.id === editor.id && ` (${a.you})`}
              </td>
              <td data-label={a.email}>{user.email}</td>
              <td data-label={a.role}>
                {user.id === editor.id ? a.roles[user.role] : <RoleForm a={a} user={user} />}
                {user.disabledAt && ` — ${a.disabled}`}
              </td>
              <td>
                {user.id !== editor.id && (
                  <>
                    {!user.disabledAt && (
                      <>
                        <form
                          method="post"
                          action={`/admin/users/${user.id}/recovery`}
                          class="inline-form"
                        >
                          <button type="submit" class="link-button">
                            {m.recoveryLink}
                          </button>
                        </form>{' '}
                      </>
                    )}
                    <form
                      method="post"
                      action={`/admin/users/${user.id}/${user.disabledAt ? 'enable' : 'disable'}`}
                      class="inline-form"
                    >
                      <button type="submit" class="link-button">
                        {user.disabledAt ? a.enable : a.disable}
                      </button>
                    </form>{' '}
                    <form
                      method="post"
                      action={`/admin/users/${user.id}/delete`}
                      class="inline-form"
                    >
                      <button type="submit" class="link-button danger-link">
                        {a.remove}
                      </button>
                    </form>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <InvitationsSection
        a={a}
        m={m}
        invitations={props.invitations}
        form={props.invitationForm}
        errors={props.invitationErrors}
        formatTime={props.formatTime}
      />
      <h2>{a.addEditor}</h2>
      <form method="post" action="/admin/users" class="stack narrow">
        <label>
          {a.name}
          <input name="name" value={form.name} required maxlength={FIELD_MAX.editorName} />
        </label>
        <FieldError id="name-error" message={errors.name} />
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
        <FieldError id="email-error" message={errors.email} />
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
        <label>
          {a.passwordOptional}
          <input
            type="password"
            name="password"
            autocomplete="new-password"
            minlength={12}
            maxlength={FIELD_MAX.password}
          />
        </label>
        <FieldError id="password-error" message={errors.password} />
        <button type="submit">{a.addEditor}</button>
      </form>
    </section>
  )
}
