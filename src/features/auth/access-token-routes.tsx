import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'
import type { EditorEnv } from '../../types'
import { idParams, typedForm, validParams } from '../../lib/validation/form'
import { createAccessToken, revokeAccessToken } from './access-tokens'
import { grantIdParams, tokenFormFields, tokenSchema, type TokenFormError } from './agent-schemas'
import { scopeAllows, widestScopeFor } from './agent-scopes'
import { auditRequest } from './audit-log'
import { revokeGrant } from './oauth-grants'
import { renderAccountPage } from './render-account-page'

/** Mounted under /admin/account, behind `requireEditor`. */
export const accessTokenRoutes = new Hono<EditorEnv>()
  .post('/tokens', typedForm(tokenFormFields), async (c) => {
    const { db, editor } = c.var
    const form = c.req.valid('form')
    const parsed = v.safeParse(tokenSchema, form, { abortPipeEarly: true })
    const errors: Partial<Record<keyof typeof form, TokenFormError>> = {}
    if (!parsed.success)
      for (const issue of parsed.issues) {
        const field = issue.path?.[0]?.key as keyof typeof form
        errors[field] ??= issue.message as TokenFormError
      }
    // No token may do more than its person: an editor who may not publish gets no Publish.
    else if (!scopeAllows(widestScopeFor(editor.role), parsed.output.scope))
      errors.scope = 'scopeInvalid'
    if (!parsed.success || Object.keys(errors).length > 0) {
      c.status(422)
      return renderAccountPage(c, { agents: { form, errors } })
    }
    const { name, scope, expiresInDays } = parsed.output
    const { token } = await createAccessToken(db, {
      userId: editor.id,
      name,
      scope,
      days: expiresInDays,
    })
    await auditRequest(c, {
      event: 'access_token_created',
      userId: editor.id,
      email: editor.email,
      detail: `${name} (${scope}, ${expiresInDays} days)`,
    })
    // Shown in this response only: no redirect, so the token never travels in an address.
    c.status(201)
    return renderAccountPage(c, { agents: { newToken: token } })
  })
  .post('/tokens/:id{[0-9]+}/revoke', idParams, async (c) => {
    const { db, editor } = c.var
    const name = await revokeAccessToken(db, editor.id, c.req.valid('param').id)
    if (name === null) throw new HTTPException(404)
    await auditRequest(c, {
      event: 'access_token_revoked',
      userId: editor.id,
      email: editor.email,
      detail: name,
    })
    return c.redirect('/admin/account?agent=token-revoked#agents', 303)
  })
  .post('/apps/:id/revoke', validParams(grantIdParams), async (c) => {
    const { site, editor } = c.var
    const client = await revokeGrant(site.url, c.env, editor.id, c.req.valid('param').id)
    if (client === null) throw new HTTPException(404)
    await auditRequest(c, {
      event: 'oauth_app_revoked',
      userId: editor.id,
      email: editor.email,
      detail: client,
    })
    return c.redirect('/admin/account?agent=app-revoked#agents', 303)
  })
