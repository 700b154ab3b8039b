import { Hono } from 'hono'
import { setUserPassword } from './users'
import * as v from 'valibot'
import { typedForm } from '../../lib/validation/form'
import { passwordChangeFields, passwordSchema } from './user-schemas'
import { hashPassword } from './password'
import { verifyPassword } from './verify-password'
import { openSession, requireEditor } from './editor-session'
import type { AdminEnv, EditorEnv } from '../../types'
import { AccountPage } from './views/account-page'
import { authPepper } from './login'

export const adminAccountRoutes = new Hono<AdminEnv>()
  .use(requireEditor)
  .get('/', (c) => {
    const notice = c.req.query('changed') ? c.var.a.passwordChanged : null
    return c.render(<AccountPage a={c.var.a} editor={c.var.editor} errors={{}} notice={notice} />, {
      title: c.var.a.account,
      admin: true,
    })
  })
  .post('/password', typedForm(passwordChangeFields), async (c) => {
    const { a, db, editor } = c.var
    const { currentPassword, newPassword, repeatPassword } = c.req.valid('form')
    const errors: Parameters<typeof AccountPage>[0]['errors'] = {}
    if (!(await verifyPassword(currentPassword, editor.passwordHash, authPepper(c.env)))) {
      errors.currentPassword = a.currentPasswordWrong
    }
    const checked = v.safeParse(passwordSchema(a), newPassword)
    if (!checked.success) errors.newPassword = checked.issues[0].message
    else if (newPassword !== repeatPassword) errors.repeatPassword = a.passwordsDiffer
    if (Object.keys(errors).length > 0) {
      c.status(422)
      return c.render(<AccountPage a={a} editor={editor} errors={errors} />, {
        title: a.account,
        admin: true,
      })
    }
    // Every session of this editor ends, this one included; a fresh one keeps them logged in here.
    await setUserPassword(db, editor.id, await hashPassword(newPassword, authPepper(c.env)))
    await openSession(c, db, editor.id)
    return c.redirect('/admin/account?changed=1', 303)
  })
