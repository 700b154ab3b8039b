import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AdminEnv, EditorEnv } from '../../types'
import { typedForm } from '../../lib/validation/form'
import { requireEditor } from './editor-session'
import { agentMessagesFor } from './agent-messages'
import { consentFormFields } from './agent-schemas'
import {
  ACCESS_SCOPES,
  effectiveScope,
  scopeAllows,
  widestOf,
  widestScopeFor,
} from './agent-scopes'
import { auditRequest } from './audit-log'
import { oauthHelpers, type OAuthGrantProps } from './oauth-server'
import { ConsentPage } from './views/consent-page'

/** Cookies (and framing and caching rules) the library sets for a consent transaction. */
function keepHeaders(c: Context, headers: Headers) {
  const cookies = (headers as Headers & { getSetCookie(): string[] }).getSetCookie()
  for (const cookie of cookies) c.header('Set-Cookie', cookie, { append: true })
  const frame = headers.get('X-Frame-Options')
  if (frame) c.header('X-Frame-Options', frame)
}

/**
 * A request the library refuses: back to the client when it says that is safe (`redirectTo`),
 * otherwise explained here. Anything else is a failure, not the person's doing.
 */
function refusal(c: Context<EditorEnv>, error: unknown): Response {
  const known = error instanceof Error && /AuthorizationError|CimdFetchError/.test(error.name)
  if (!known) throw error
  const redirectTo = (error as { redirectTo?: string }).redirectTo
  if (redirectTo) return c.redirect(redirectTo, 302)
  throw new HTTPException(400, { message: agentMessagesFor(c.var.site.locale).consentFailed })
}

/** `/admin/oauth/authorize`: the authorization endpoint, behind the editor's session. */
export const adminOAuthRoutes = new Hono<AdminEnv>()
  .use(requireEditor)
  .get('/authorize', async (c) => {
    const { site, editor, a } = c.var
    const m = agentMessagesFor(site.locale)
    const oauth = await oauthHelpers(site.url, c.env)
    let details, consent
    try {
      const request = await oauth.parseAuthRequest(c.req.raw)
      details = await oauth.describeConsent(request)
      consent = await oauth.beginConsent(request)
    } catch (error) {
      return refusal(c, error)
    }
    keepHeaders(c, consent.headers)
    const widest = widestScopeFor(editor.role)
    return c.render(
      <ConsentPage
        a={a}
        m={m}
        editor={editor}
        handle={consent.handle}
        clientName={details.clientName}
        redirectHost={details.redirectHost}
        redirectIsLoopback={details.redirectIsLoopback}
        requested={details.scope}
        scopes={ACCESS_SCOPES.filter((scope) => scopeAllows(widest, scope))}
        chosen={effectiveScope(widestOf(details.scope) ?? 'read', editor.role)}
      />,
      { title: m.consentTitle(details.clientName), admin: true },
    )
  })
  .post('/authorize', typedForm(consentFormFields), async (c) => {
    const { site, editor } = c.var
    const m = agentMessagesFor(site.locale)
    const { handle, decision, scope } = c.req.valid('form')
    const oauth = await oauthHelpers(site.url, c.env)
    try {
      if (decision !== 'allow') {
        const denied = await oauth.denyConsent(c.req.raw, handle)
        keepHeaders(c, denied.headers)
        return c.redirect(denied.redirectTo, 302)
      }
      const chosen = ACCESS_SCOPES.find((name) => name === scope)
      if (!chosen || !scopeAllows(widestScopeFor(editor.role), chosen))
        throw new HTTPException(422, { message: m.errors.scopeInvalid })
      const approved = await oauth.approveConsent(c.req.raw, handle, { scope: [chosen] })
      const client = await oauth.lookupClient(approved.request.clientId)
      const clientName = client?.clientName?.trim() || approved.request.clientId
      const props: OAuthGrantProps = { userId: editor.id, clientName }
      const { redirectTo } = await oauth.completeAuthorization({
        request: approved.request,
        userId: String(editor.id),
        metadata: { clientName },
        scope: [chosen],
        props,
      })
      await auditRequest(c, {
        event: 'oauth_app_connected',
        userId: editor.id,
        email: editor.email,
        detail: `${clientName} (${chosen})`,
      })
      keepHeaders(c, approved.headers)
      return c.redirect(redirectTo, 302)
    } catch (error) {
      if (error instanceof HTTPException) throw error
      return refusal(c, error)
    }
  })
