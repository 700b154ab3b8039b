import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sValidator } from '@hono/standard-validator'
import type { AdminEnv } from '../../types'
import { passkeySignInBody } from './passkey-schemas'
import { signInOptions, signInWithPasskey } from './passkey-sign-in'
import { passkeyMessagesFor } from './passkey-messages'

/** Mounted under /admin/passkey: the login page's script talks to these. */
export const passkeyLoginRoutes = new Hono<AdminEnv>()
  .post('/options', async (c) => c.json(await signInOptions(c)))
  .post(
    '/sign-in',
    sValidator('json', passkeySignInBody, (result) => {
      if (!result.success) throw new HTTPException(400)
    }),
    async (c) => {
      const { next, response } = c.req.valid('json')
      if (!(await signInWithPasskey(c, response)))
        throw new HTTPException(401, {
          message: passkeyMessagesFor(c.var.site.locale).passkeyRefused,
        })
      return c.json({ location: next })
    },
  )
