import type { Context } from 'hono'
import type { User } from '../../db/schema'
import type { AppEnv } from '../../types'
import { isAccessToken, useAccessToken } from './access-tokens'
import { countAgentRequest } from './agent-rate-limit'
import { effectiveScope, widestOf, type AccessScope } from './agent-scopes'
import { mcpResource, oauthServer, type OAuthGrantProps } from './oauth-server'
import { findUserById } from './users'

/** Who is calling the MCP server: a person, through one of their tokens or OAuth grants. */
export type Agent = {
  user: User
  /** What the token or grant allows, narrowed to what the person's role allows today. */
  scope: AccessScope
  /** The token's or client's name, as the audit log shows it. */
  name: string
  via: 'token' | 'oauth'
}

export type AgentAuthentication = { ok: true; agent: Agent } | { ok: false; response: Response }

/** Longer than any token this server issues: not worth a lookup. */
const MAX_TOKEN_LENGTH = 512

/** RFC 9728: where a client learns how to get a token for the MCP endpoint. */
export function protectedResourceMetadataUrl(siteUrl: string) {
  return `${siteUrl}/.well-known/oauth-protected-resource/mcp`
}

function refused(siteUrl: string, error: 'invalid_request' | 'invalid_token', description: string) {
  const challenge = [
    `Bearer resource_metadata="${protectedResourceMetadataUrl(siteUrl)}"`,
    ...(error === 'invalid_token' ? [`error="invalid_token"`] : []),
  ].join(', ')
  return Response.json(
    { error, error_description: description },
    { status: 401, headers: { 'WWW-Authenticate': challenge, 'Cache-Control': 'no-store' } },
  )
}

async function oauthGrantOf(c: Context<AppEnv>, token: string) {
  const server = await oauthServer(c.var.site.url)
  const validated = await server
    .validateToken<OAuthGrantProps>(mcpResource(c.var.site.url), token, c.env)
    .catch(() => null)
  if (!validated) return null
  return {
    userId: Number(validated.props.userId),
    name: validated.props.clientName,
    scope: widestOf(validated.scope),
    key: `oauth:${validated.userId}:${validated.clientId}`,
  }
}

async function accessTokenOf(c: Context<AppEnv>, token: string) {
  const row = await useAccessToken(c.var.db, token)
  return row && { userId: row.userId, name: row.name, scope: row.scope, key: `token:${row.id}` }
}

/**
 * The agent behind `Authorization: Bearer …`: a personal access token (`eb_pat_…`) or an OAuth
 * access token, whose person still exists and is not disabled, within its request rate. Otherwise
 * the response to send: 401 with a challenge naming the resource metadata, or 429.
 */
export async function authenticateAgent(c: Context<AppEnv>): Promise<AgentAuthentication> {
  const { site, db } = c.var
  const header = c.req.header('Authorization') ?? ''
  const token = /^Bearer +(\S+)$/i.exec(header)?.[1] ?? ''
  if (!token)
    return {
      ok: false,
      response: refused(site.url, 'invalid_request', 'A bearer token is required.'),
    }
  const found =
    token.length > MAX_TOKEN_LENGTH
      ? null
      : isAccessToken(token)
        ? await accessTokenOf(c, token)
        : await oauthGrantOf(c, token)
  const user = found?.scope ? await findUserById(db, found.userId) : null
  if (!found?.scope || !user || user.disabledAt)
    return {
      ok: false,
      response: refused(site.url, 'invalid_token', 'The token is unknown, expired or revoked.'),
    }
  const counted = await countAgentRequest(db, found.key)
  if (!counted.allowed)
    return {
      ok: false,
      response: Response.json(
        { error: 'rate_limited', error_description: 'Too many requests: try again shortly.' },
        { status: 429, headers: { 'Retry-After': String(counted.retryAfterSeconds) } },
      ),
    }
  return {
    ok: true,
    agent: {
      user,
      scope: effectiveScope(found.scope, user.role),
      name: found.name,
      via: isAccessToken(token) ? 'token' : 'oauth',
    },
  }
}
