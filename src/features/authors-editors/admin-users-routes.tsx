import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  countOtherActiveOwners,
  createUser,
  deleteUser,
  findUserByEmail,
  findUserById,
  listUsers,
  setUserDisabled,
} from '../auth'
import { idParams, typedForm } from '../../lib/validation/form'
import { newEditorErrors, newEditorFields } from '../auth'
import { generatePassword, hashPassword } from '../auth'
import { requireEditor, requireOwner } from '../auth'
import type { AdminEnv, EditorEnv } from '../../types'
import { UsersPage, type NewEditorForm } from './views/users-page'
import { changeRole, roleChangeFields } from './role-change'
import { authPepper } from '../auth'
import { auditRequest } from '../auth'
import {
  handRecoveryLink,
  invitationErrors,
  invitationFields,
  inviteEditor,
  listPendingInvitations,
  revokeInvitation,
  accountLinkMessagesFor,
} from '../account-links'

async function renderUsers(
  c: Context<EditorEnv>,
  extra: Partial<
    Pick<
      Parameters<typeof UsersPage>[0],
      'form' | 'errors' | 'notice' | 'error' | 'invitationForm' | 'invitationErrors' | 'handed'
    >
  > = {},
) {
  const { a, db } = c.var
  const [users, invitations] = await Promise.all([listUsers(db), listPendingInvitations(db)])
  return c.render(
    <UsersPage
      a={a}
      m={accountLinkMessagesFor(c.var.site.locale)}
      editor={c.var.editor}
      users={users}
      invitations={invitations}
      form={{ email: '', name: '', role: 'editor' }}
      errors={{}}
      invitationForm={{ email: '', role: 'editor' }}
      invitationErrors={{}}
      formatTime={dateTimeFormat(c)}
      {...extra}
    />,
    { title: a.editorsTitle, admin: true },
  )
}

function dateTimeFormat(c: Context<EditorEnv>) {
  const { site } = c.var
  const format = new Intl.DateTimeFormat(site.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: site.timeZone,
  })
  return (at: Date) => format.format(at)
}

/** The target of a change, never the owner acting: nobody disables or removes themself. */
async function otherUser(c: Context<EditorEnv>, id: number) {
  const user = await findUserById(c.var.db, id)
  if (!user || user.id === c.var.editor.id) throw new HTTPException(404)
  return user
}

export const adminUserRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireOwner)
  .get('/', (c) => renderUsers(c))
  .post('/', typedForm(newEditorFields), async (c) => {
    const { a, db } = c.var
    const { password: typedPassword, ...form } = c.req.valid('form')
    const errors: Parameters<typeof UsersPage>[0]['errors'] = newEditorErrors(a, {
      ...form,
      password: typedPassword,
    })
    if (!errors.email && (await findUserByEmail(db, form.email))) errors.email = a.emailTaken
    if (Object.keys(errors).length > 0) {
      c.status(422)
      return renderUsers(c, { form, errors })
    }
    const password = typedPassword || generatePassword()
    await createUser(db, {
      email: form.email,
      name: form.name,
      role: form.role,
      passwordHash: await hashPassword(password, authPepper(c.env)),
    })
    return renderUsers(c, {
      notice: typedPassword ? null : a.generatedPassword(form.email, password),
    })
  })
  .post('/invitations', typedForm(invitationFields), async (c) => {
    const { a, db } = c.var
    const form = c.req.valid('form')
    const errors: { email?: string } = invitationErrors(
      a,
      accountLinkMessagesFor(c.var.site.locale),
      form,
    )
    if (!errors.email && (await findUserByEmail(db, form.email))) errors.email = a.emailTaken
    if (errors.email) {
      c.status(422)
      return renderUsers(c, { invitationForm: form, invitationErrors: errors })
    }
    return renderUsers(c, { handed: { kind: 'invitation', ...(await inviteEditor(c, form)) } })
  })
  .post('/invitations/:id{[0-9]+}/revoke', idParams, async (c) => {
    const revoked = await revokeInvitation(c.var.db, c.req.valid('param').id)
    if (!revoked) throw new HTTPException(404)
    await auditRequest(c, {
      event: 'invitation_revoked',
      email: revoked.email,
      actorId: c.var.editor.id,
      detail: revoked.role,
    })
    return c.redirect('/admin/users', 303)
  })
  .post('/:id{[0-9]+}/recovery', idParams, async (c) => {
    const user = await otherUser(c, c.req.valid('param').id)
    return renderUsers(c, { handed: { kind: 'recovery', ...(await handRecoveryLink(c, user)) } })
  })
  .post('/:id{[0-9]+}/role', idParams, typedForm(roleChangeFields), async (c) => {
    const user = await otherUser(c, c.req.valid('param').id)
    if ((await changeRole(c, user, c.req.valid('form').role)) === 'lastOwner') {
      c.status(409)
      return renderUsers(c, { error: c.var.a.lastOwner })
    }
    return c.redirect('/admin/users', 303)
  })
  .post('/:id{[0-9]+}/disable', idParams, async (c) => {
    const user = await otherUser(c, c.req.valid('param').id)
    if (user.role === 'owner' && (await countOtherActiveOwners(c.var.db, user.id)) === 0) {
      c.status(409)
      return renderUsers(c, { error: c.var.a.lastOwner })
    }
    await setUserDisabled(c.var.db, user.id, true)
    return c.redirect('/admin/users', 303)
  })
  .post('/:id{[0-9]+}/enable', idParams, async (c) => {
    const user = await otherUser(c, c.req.valid('param').id)
    await setUserDisabled(c.var.db, user.id, false)
    return c.redirect('/admin/users', 303)
  })
  .post('/:id{[0-9]+}/delete', idParams, async (c) => {
    const user = await otherUser(c, c.req.valid('param').id)
    if (user.role === 'owner' && (await countOtherActiveOwners(c.var.db, user.id)) === 0) {
      c.status(409)
      return renderUsers(c, { error: c.var.a.lastOwner })
    }
    await deleteUser(c.var.db, user.id)
    return c.redirect('/admin/users', 303)
  })
