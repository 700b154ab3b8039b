import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { openD1Session } from '../../db/client'
import type { AppEnv } from '../../types'
import { authenticateAgent, MCP_PATH, oauthProtocolRoutes } from '../auth'
import { refreshAfterWrite } from '../page-cache'
import { handleMcpRequest } from './server'

/**
 * Browser-based clients (MCP Inspector, web apps) call from their own origin: the preflight is
 * answered here, and every answer (a 401 included, whose challenge names where to get a token)
 * may be read by any origin. No credentials: only a bearer token authenticates, never a cookie,
 * so a page cannot act with a visitor's admin session.
 */
const mcpCors = cors({
  origin: '*',
  allowMethods: ['POST'],
  allowHeaders: ['Authorization', 'Content-Type', 'Mcp-Protocol-Version', 'Mcp-Session-Id'],
  exposeHeaders: ['Mcp-Session-Id', 'Mcp-Protocol-Version', 'WWW-Authenticate'],
  maxAge: 86_400,
})

/**
 * `POST /mcp` (Streamable HTTP, stateless, JSON answers) for agents with a token, and the OAuth
 * endpoints that give them one. No reader page: mounted before the audience counter and the page
 * cache, which never see these requests.
 */
export const mcpRoutes = new Hono<AppEnv>()
  .route('/', oauthProtocolRoutes)
  .use(MCP_PATH, mcpCors)
  .post(MCP_PATH, async (c) => {
    // Agents read what they just wrote: their queries start from the primary, as an editor's do.
    const { db, session } = openD1Session(c.env.DB, 'first-primary')
    c.set('db', db)
    c.set('d1Session', session)
    // Mounted before the page cache and its `siteSettings`: the site's own address, language and
    // time zone come from the settings, read here.
    const site = await c.var.loadSite()
    const authentication = await authenticateAgent(c)
    if (!authentication.ok) return authentication.response
    const ctx = {
      db,
      env: c.env,
      site,
      agent: authentication.agent,
      request: c.req.raw,
      wrote: false,
    }
    const response = await handleMcpRequest(ctx)
    if (ctx.wrote) await refreshAfterWrite(c)
    return response
  })
  // No server-to-client stream: every answer comes with its request.
  .on(['GET', 'DELETE'], MCP_PATH, (c) => c.body(null, 405, { Allow: 'POST' }))
