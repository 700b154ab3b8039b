import { beforeAll, describe, expect, it } from 'vitest'
import { desc, eq } from 'drizzle-orm'
import { auditLog } from '../../../src/db/schema'
import { bytesToBase64Url } from '../../../src/lib/encoding'
import { db } from '../../fixtures'
import { createAuthorAndCategories } from '../../fixtures'
import { createEditor, logIn } from '../../admin-helpers'
import { connect, errorText, LOCAL, structured, toWorker } from './mcp-helpers'

const REDIRECT = 'http://127.0.0.1:43123/callback'

let cookie: string

beforeAll(async () => {
  await createAuthorAndCategories()
  await createEditor('owner@blog.example', 'owner')
  cookie = await logIn('owner@blog.example')
})

async function pkce() {
  const verifier = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)))
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return { verifier, challenge: bytesToBase64Url(new Uint8Array(digest)) }
}

async function register(name: string) {
  const response = await toWorker(`${LOCAL}/oauth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_name: name,
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { client_id: string }).client_id
}

/** The consent screen for a fresh authorization request, with its handle and binding cookie. */
async function openConsent(clientId: string, challenge: string, scope = 'write_drafts') {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-123',
    scope,
    resource: `${LOCAL}/mcp`,
  })
  const response = await toWorker(`${LOCAL}/admin/oauth/authorize?${query}`, {
    headers: { Cookie: cookie },
  })
  expect(response.status).toBe(200)
  const html = await response.text()
  const handle = /name="handle" value="([^"]+)"/.exec(html)![1]
  const consentCookie = /(__Host-oauth-consent-[^=]+=[^;]+)/.exec(
    response.headers.get('Set-Cookie') ?? '',
  )![1]
  return { html, handle, cookies: `${cookie}; ${consentCookie}` }
}

function decide(cookies: string, form: Record<string, string>) {
  return toWorker(`${LOCAL}/admin/oauth/authorize`, {
    method: 'POST',
    headers: {
      Cookie: cookies,
      Origin: LOCAL,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form),
    redirect: 'manual',
  })
}

describe('OAuth 2.1 for MCP clients', () => {
  it('points a client without a token to the authorization server', async () => {
    const metadata = await toWorker(`${LOCAL}/.well-known/oauth-protected-resource/mcp`)
    expect(await metadata.json()).toMatchObject({
      resource: `${LOCAL}/mcp`,
      authorization_servers: [LOCAL],
    })
    const server = await toWorker(`${LOCAL}/.well-known/oauth-authorization-server`)
    expect(await server.json()).toMatchObject({
      issuer: LOCAL,
      authorization_endpoint: `${LOCAL}/admin/oauth/authorize`,
      token_endpoint: `${LOCAL}/oauth/token`,
      registration_endpoint: `${LOCAL}/oauth/register`,
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['read', 'write_drafts', 'publish'],
    })
  })

  it('registers, asks for consent, trades the code with PKCE, and the token calls tools', async () => {
    const clientId = await register('Test Assistant')
    const { verifier, challenge } = await pkce()
    const consent = await openConsent(clientId, challenge)
    expect(consent.html).toContain('Allow Test Assistant to work on the blog?')
    expect(consent.html).toContain('Access will be sent to 127.0.0.1.')
    expect(consent.html).toContain('<option value="write_drafts" selected="">')

    const approved = await decide(consent.cookies, {
      handle: consent.handle,
      decision: 'allow',
      scope: 'write_drafts',
    })
    expect(approved.status).toBe(302)
    const back = new URL(approved.headers.get('Location')!)
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT)
    expect(back.searchParams.get('state')).toBe('state-123')
    const code = back.searchParams.get('code')!

    // The code alone is not enough: the verifier must match the challenge.
    const exchange = (codeVerifier: string) =>
      toWorker(`${LOCAL}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT,
          client_id: clientId,
          code_verifier: codeVerifier,
          resource: `${LOCAL}/mcp`,
        }),
      })
    expect((await exchange(`${verifier}x`)).status).toBe(400)
    const tokens = (await (await exchange(verifier)).json()) as {
      access_token: string
      scope: string
    }
    expect(tokens.scope).toBe('write_drafts')

    const client = await connect(tokens.access_token)
    expect((await client.listTools()).tools.length).toBe(16)
    const post = structured<{ id: number; version: number }>(
      await client.callTool({
        name: 'create_post',
        arguments: { title: 'Via OAuth', markdown: 'Hi' },
      }),
    )
    const [audited] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.event, 'agent_write'))
      .orderBy(desc(auditLog.id))
      .limit(1)
    expect(audited.detail).toContain('create_post')
    expect(audited.detail).toContain('app “Test Assistant”')
    expect(audited.browser).toBe('Test Assistant (app)')
    const publish = await client.callTool({ name: 'publish_post', arguments: post })
    expect(errorText(publish)).toContain('“Publish” scope')

    // Listed next to the tokens, and revocable: the token stops working at once.
    const account = await (
      await toWorker(`${LOCAL}/admin/account`, { headers: { Cookie: cookie } })
    ).text()
    expect(account).toContain('<strong>Test Assistant</strong> — Write drafts')
    const grantId = /action="\/admin\/account\/apps\/([^/]+)\/revoke"/.exec(account)![1]
    const revoked = await toWorker(`${LOCAL}/admin/account/apps/${grantId}/revoke`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: LOCAL },
      redirect: 'manual',
    })
    expect(revoked.status).toBe(303)
    await expect(client.listTools()).rejects.toThrow()
    const [disconnected] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.event, 'oauth_app_revoked'))
    expect(disconnected.detail).toBe('Test Assistant')
  })

  it('sends a refusal back to the client, and never grants more than the person chose', async () => {
    const clientId = await register('Declined App')
    const { challenge } = await pkce()
    const consent = await openConsent(clientId, challenge, 'publish')
    expect(consent.html).toContain('<option value="publish" selected="">')
    const denied = await decide(consent.cookies, { handle: consent.handle, decision: 'deny' })
    expect(denied.status).toBe(302)
    const back = new URL(denied.headers.get('Location')!)
    expect(back.searchParams.get('error')).toBe('access_denied')
    expect(back.searchParams.get('state')).toBe('state-123')
    // The handle works once.
    const replay = await decide(consent.cookies, {
      handle: consent.handle,
      decision: 'allow',
      scope: 'read',
    })
    expect(replay.status).toBe(400)
  })

  it('refuses the consent screen to someone signed out, and a request it cannot trust', async () => {
    const signedOut = await toWorker(`${LOCAL}/admin/oauth/authorize?client_id=x`, {
      redirect: 'manual',
    })
    expect(signedOut.status).toBe(303)
    const unknown = await toWorker(
      `${LOCAL}/admin/oauth/authorize?response_type=code&client_id=nobody&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
      { headers: { Cookie: cookie }, redirect: 'manual' },
    )
    expect(unknown.status).toBe(400)
    expect(unknown.headers.get('Location')).toBeNull()
  })
})
