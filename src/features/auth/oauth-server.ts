import type { OAuthAuthorizationServer, OAuthHelpers } from '@cloudflare/workers-oauth-provider'
import { ACCESS_SCOPES } from './agent-scopes'

export const OAUTH_AUTHORIZE_PATH = '/admin/oauth/authorize'
export const OAUTH_TOKEN_PATH = '/oauth/token'
export const OAUTH_REGISTER_PATH = '/oauth/register'
export const MCP_PATH = '/mcp'

/** What a grant keeps for the requests made with its tokens (encrypted by the library). */
export type OAuthGrantProps = { userId: number; clientName: string }

/** The one protected resource: the MCP endpoint, as clients name it in `resource`. */
export function mcpResource(siteUrl: string) {
  return `${siteUrl}${MCP_PATH}`
}

const servers = new Map<string, Promise<OAuthAuthorizationServer<Env>>>()

/**
 * The authorization server for this site's address (SITE_URL, else the request's origin), made
 * once per isolate and address. The library is loaded on first use: it imports
 * `cloudflare:workers`, and this feature's index is also imported by the CLI, under Node.
 */
export function oauthServer(siteUrl: string): Promise<OAuthAuthorizationServer<Env>> {
  let server = servers.get(siteUrl)
  if (!server) {
    server = import('@cloudflare/workers-oauth-provider').then(
      ({ OAuthAuthorizationServer }) =>
        new OAuthAuthorizationServer<Env>({
          issuer: siteUrl,
          resources: [mcpResource(siteUrl)],
          authorizeEndpoint: OAUTH_AUTHORIZE_PATH,
          tokenEndpoint: OAUTH_TOKEN_PATH,
          clientRegistrationEndpoint: OAUTH_REGISTER_PATH,
          scopesSupported: [...ACCESS_SCOPES],
          // Access tokens live an hour; a grant lasts 30 days from its consent (the default).
          accessTokenTTL: 3600,
        }),
    )
    // A site address the library refuses (plain http off this machine) must not stay cached.
    server.catch(() => servers.delete(siteUrl))
    servers.set(siteUrl, server)
  }
  return server
}

export async function oauthHelpers(siteUrl: string, env: Env): Promise<OAuthHelpers> {
  return (await oauthServer(siteUrl)).getOAuthApi(env)
}
