import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sValidator } from '@hono/standard-validator'
import type { EditorEnv } from '../../types'
import { validParams } from '../../lib/validation/form'
import { passkeyIdParams, passkeyRegistrationBody } from './passkey-schemas'
import { registerPasskey, registrationOptions } from './passkey-registration'
import { removePasskey, turnPasswordOff, turnPasswordOn } from './passkeys'
import { auditRequest } from './audit-log'
import { passkeyMessagesFor } from './passkey-messages'

/** Mounted under /admin/account, behind `requireEditor`. */
export const passkeyAccountRoutes = new Hono<EditorEnv>()
  .post('/passkeys/options', async (c) => {
    const { db, site, editor } = c.var
    return c.json(await registrationOptions(db, site.url, site.name, editor))
  })
  .post(
    '/passkeys',
    sValidator('json', passkeyRegistrationBody, (result) => {
      if (!result.success) throw new HTTPException(400)
    }),
    async (c) => {
      const { db, site, editor } = c.var
      const { name, response } = c.req.valid('json')
      if (!(await registerPasskey(db, site.url, editor, name, response)))
        throw new HTTPException(400, {
          message: passkeyMessagesFor(c.var.site.locale).passkeyRefused,
        })
      await auditRequest(c, {
        event: 'passkey_added',
        userId: editor.id,
        email: editor.email,
        detail: name,
      })
      return c.json({ ok: true }, 201)
    },
  )
  .post('/passkeys/:id/delete', validParams(passkeyIdParams), async (c) => {
    const { db, editor } = c.var
    const removed = await removePasskey(db, editor.id, c.req.valid('param').id)
    if (!removed)
      throw new HTTPException(409, {
        message: passkeyMessagesFor(c.var.site.locale).lastPasskeyKept,
      })
    await auditRequest(c, {
      event: 'passkey_removed',
      userId: editor.id,
      email: editor.email,
      detail: removed.name,
    })
    return c.redirect('/admin/account?passkey=removed', 303)
  })
  .post('/password-off', async (c) => {
    if (!(await turnPasswordOff(c.var.db, c.var.editor.id)))
      throw new HTTPException(409, { message: passkeyMessagesFor(c.var.site.locale).needsPasskey })
    return c.redirect('/admin/account?passkey=password-off', 303)
  })
  .post('/password-on', async (c) => {
    await turnPasswordOn(c.var.db, c.var.editor.id)
    return c.redirect('/admin/account?passkey=password-on', 303)
  })
