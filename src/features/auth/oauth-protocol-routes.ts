import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../types'
import { mcpResource, oauthServer, OAUTH_REGISTER_PATH, OAUTH_TOKEN_PATH } from './oauth-server'

/** Discovery, the token endpoint (with revocation) and client registration: the library's own. */
async function delegate(c: Context<AppEnv>) {
  // Mounted before the page cache: the settings (the public address) are read here.
  const site = await c.var.loadSite()
  const server = await oauthServer(site.url)
  // The library is typed against a newer ExecutionContext (with `tracing`); the runtime's is the same object.
  const ctx = c.executionCtx as unknown as Parameters<typeof server.fetch>[2]
  return server.fetch(c.req.raw, c.env, ctx)
}

/**
 * RFC 9728: the MCP endpoint's metadata, where a client that got a 401 learns which
 * authorization server to ask. No `scopes_supported`: the person picks the scope on the consent
 * screen, so a client does not ask for everything by default.
 */
async function resourceMetadata(c: Context<AppEnv>) {
  const site = await c.var.loadSite()
  return c.json(
    {
      resource: mcpResource(site.url),
      authorization_servers: [site.url],
      bearer_methods_supported: ['header'],
      resource_name: site.name,
    },
    200,
    { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=3600' },
  )
}

/** OAuth 2.1 for AI clients that connect to /mcp; the consent screen is in the admin. */
export const oauthProtocolRoutes = new Hono<AppEnv>()
  .get('/.well-known/oauth-protected-resource', resourceMetadata)
  .get('/.well-known/oauth-protected-resource/mcp', resourceMetadata)
  .on(['GET', 'HEAD', 'OPTIONS'], '/.well-known/oauth-authorization-server', delegate)
  .on(['POST', 'OPTIONS'], OAUTH_TOKEN_PATH, delegate)
  .on(['POST', 'OPTIONS'], OAUTH_REGISTER_PATH, delegate)
