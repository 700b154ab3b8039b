import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { USER_ROLES, type UserRole } from '../db/schema'
import {
  countOtherActiveOwners,
  createUser,
  deleteUser,
  findUserByEmail,
  findUserById,
  listUsers,
  setUserDisabled,
} from '../db/users'
import { formText } from '../lib/form'
import { MIN_PASSWORD_LENGTH, generatePassword, hashPassword } from '../auth/password'
import { requireEditor, requireOwner } from '../auth/editor-session'
import type { AdminEnv, EditorEnv } from '../types'
import { UsersPage, type NewEditorForm } from '../views/pages/admin/users-page'
import { authPepper } from '../auth/login'

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

async function renderUsers(
  c: Context<EditorEnv>,
  extra: Partial<
    Pick<Parameters<typeof UsersPage>[0], 'form' | 'errors' | 'notice' | 'error'>
  > = {},
) {
  const { a } = c.var
  return c.render(
    <UsersPage
      a={a}
      editor={c.var.editor}
      users={await listUsers(c.var.db)}
      form={{ email: '', name: '', role: 'editor' }}
      errors={{}}
      {...extra}
    />,
    { title: a.editorsTitle, admin: true },
  )
}

/** The target of a change, never the owner acting: nobody disables or removes themself. */
async function otherUser(c: Context<EditorEnv>) {
  const id = Number(c.req.param('id'))
  const user = Number.isSafeInteger(id) ? await findUserById(c.var.db, id) : null
  if (!user || user.id === c.var.editor.id) throw new HTTPException(404)
  return user
}

export const adminUserRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireOwner)
  .get('/', (c) => renderUsers(c))
  .post('/', async (c) => {
    const { a, db } = c.var
    const body = await c.req.parseBody()
    const field = (name: string) => formText(body, name).trim()
    const form: NewEditorForm = { email: field('email'), name: field('name'), role: field('role') }
    const typedPassword = formText(body, 'password')
    const errors: Parameters<typeof UsersPage>[0]['errors'] = {}
    if (!EMAIL_PATTERN.test(form.email)) errors.email = a.emailInvalid
    else if (await findUserByEmail(db, form.email)) errors.email = a.emailTaken
    if (!form.name) errors.name = a.nameRequired
    if (!USER_ROLES.includes(form.role as UserRole)) form.role = 'editor'
    if (typedPassword && typedPassword.length < MIN_PASSWORD_LENGTH)
      errors.password = a.passwordTooShort
    if (Object.keys(errors).length > 0) {
      c.status(422)
      return renderUsers(c, { form, errors })
    }
    const password = typedPassword || generatePassword()
    await createUser(db, {
      email: form.email,
      name: form.name,
      role: form.role as UserRole,
      passwordHash: await hashPassword(password, authPepper(c.env)),
    })
    return renderUsers(c, {
      notice: typedPassword ? null : a.generatedPassword(form.email, password),
    })
  })
  .post('/:id{[0-9]+}/disable', async (c) => {
    const user = await otherUser(c)
    if (user.role === 'owner' && (await countOtherActiveOwners(c.var.db, user.id)) === 0) {
      c.status(409)
      return renderUsers(c, { error: c.var.a.lastOwner })
    }
    await setUserDisabled(c.var.db, user.id, true)
    return c.redirect('/admin/users', 303)
  })
  .post('/:id{[0-9]+}/enable', async (c) => {
    const user = await otherUser(c)
    await setUserDisabled(c.var.db, user.id, false)
    return c.redirect('/admin/users', 303)
  })
  .post('/:id{[0-9]+}/delete', async (c) => {
    const user = await otherUser(c)
    if (user.role === 'owner' && (await countOtherActiveOwners(c.var.db, user.id)) === 0) {
      c.status(409)
      return renderUsers(c, { error: c.var.a.lastOwner })
    }
    await deleteUser(c.var.db, user.id)
    return c.redirect('/admin/users', 303)
  })
