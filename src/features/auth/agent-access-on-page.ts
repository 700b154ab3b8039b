import type { Context } from 'hono'
import type { EditorEnv } from '../../types'
import { listAccessTokens } from './access-tokens'
import { agentMessagesFor } from './agent-messages'
import type { TokenFormError, TokenFormValues } from './agent-schemas'
import { widestScopeFor } from './agent-scopes'
import { listGrants } from './oauth-grants'
import { mcpResource } from './oauth-server'

export type AgentAccessExtras = {
  /** Shown once, right after Create token. */
  newToken?: string
  form?: TokenFormValues
  errors?: Partial<Record<keyof TokenFormValues, TokenFormError>>
  notice?: string | null
}

/** What the account page shows of the editor's access tokens and connected apps. */
export async function agentAccessOnPage(c: Context<EditorEnv>, extras: AgentAccessExtras = {}) {
  const { site, db, editor } = c.var
  const [tokens, grants] = await Promise.all([
    listAccessTokens(db, editor.id),
    listGrants(site.url, c.env, editor.id),
  ])
  return {
    m: agentMessagesFor(site.locale),
    endpoint: mcpResource(site.url),
    tokens,
    grants,
    widestScope: widestScopeFor(editor.role),
    locale: site.locale,
    timeZone: site.timeZone,
    ...extras,
  }
}

export type AgentAccessOnPage = Awaited<ReturnType<typeof agentAccessOnPage>>

/** The notice after a revocation (`?agent=…`), if any. */
export function agentNotice(c: Context<EditorEnv>, done: string): string | null {
  const m = agentMessagesFor(c.var.site.locale)
  return done === 'token-revoked' ? m.tokenRevoked : done === 'app-revoked' ? m.grantRevoked : null
}
