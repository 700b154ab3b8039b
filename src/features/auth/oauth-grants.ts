import { widestOf } from './agent-scopes'
import { oauthHelpers } from './oauth-server'

/** What the account page shows of a grant: never a token. */
export type GrantShown = {
  id: string
  clientName: string
  scope: ReturnType<typeof widestOf>
  createdAt: Date
  expiresAt: Date | null
}

/** At most this many apps are listed; a person does not connect more. */
const GRANTS_SHOWN = 50

/** The apps the person connected through OAuth, newest first. */
export async function listGrants(siteUrl: string, env: Env, userId: number): Promise<GrantShown[]> {
  const oauth = await oauthHelpers(siteUrl, env)
  const { items } = await oauth.listUserGrants(String(userId), { limit: GRANTS_SHOWN })
  return items
    .map((grant) => ({
      id: grant.id,
      clientName: String(grant.metadata?.clientName ?? grant.clientId),
      scope: widestOf(grant.scope),
      createdAt: new Date(grant.createdAt * 1000),
      expiresAt: grant.expiresAt ? new Date(grant.expiresAt * 1000) : null,
    }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
}

/** Revokes the grant and every token issued under it; its client's name, or null if not theirs. */
export async function revokeGrant(siteUrl: string, env: Env, userId: number, grantId: string) {
  const grant = (await listGrants(siteUrl, env, userId)).find((item) => item.id === grantId)
  if (!grant) return null
  await (await oauthHelpers(siteUrl, env)).revokeGrant(grantId, String(userId))
  return grant.clientName
}
