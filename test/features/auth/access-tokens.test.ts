import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { accessTokens, agentRequestCounts, auditLog, type UserRole } from '../../../src/db/schema'
import { countAgentRequest } from '../../../src/features/auth/agent-rate-limit'
import { canPublish, effectiveScope } from '../../../src/features/auth/agent-scopes'
import { sha256Hex } from '../../../src/lib/tokens'
import { db } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

let ownerCookie: string
let editorCookie: string

beforeAll(async () => {
  await createEditor('owner@blog.example', 'owner')
  await createEditor('editor@blog.example', 'editor')
  ownerCookie = await logIn('owner@blog.example')
  editorCookie = await logIn('editor@blog.example')
})

const createToken = (cookie: string, form: Record<string, string>) =>
  request('/admin/account/tokens', { cookie, form })

function listTools(token: string) {
  return exports.default.fetch(
    new Request('https://blog.example/mcp', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    }),
  )
}

describe('access tokens on the account page', () => {
  it('offers Create token with a name, a scope (Read, Write drafts, Publish) and an expiry', async () => {
    const html = await (await request('/admin/account', { cookie: ownerCookie })).text()
    expect(html).toContain('<form method="post" action="/admin/account/tokens"')
    expect(html).toMatch(/<label>Name<input type="text" name="name" required=""/)
    expect(html).toMatch(
      /<label>Scope<select name="scope"><option value="read" selected="">Read<\/option><option value="write_drafts">Write drafts<\/option><option value="publish">Publish<\/option><\/select>/,
    )
    expect(html).toContain('<label>Expires after<select name="expiresInDays">')
    expect(html).toContain('<button type="submit">Create token</button>')
    expect(html).toContain('No access token.')
  })

  it('shows a new token once, in a read-only field, keeps only its hash, and lists its last use', async () => {
    const response = await createToken(ownerCookie, {
      name: 'Claude desktop',
      scope: 'write_drafts',
      expiresInDays: '90',
    })
    expect(response.status).toBe(201)
    const html = await response.text()
    const token =
      /<label>New token<input type="text" id="new-token" readonly="" value="(eb_pat_[A-Za-z0-9_-]{43})"/.exec(
        html,
      )?.[1]
    expect(token).toBeDefined()
    const [row] = await db
      .select()
      .from(accessTokens)
      .where(eq(accessTokens.name, 'Claude desktop'))
    expect(row).toMatchObject({ scope: 'write_drafts', tokenHash: await sha256Hex(token!) })
    expect(JSON.stringify(row)).not.toContain(token!.slice(7))
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(90 * 86_400_000)

    const page = async () => (await request('/admin/account', { cookie: ownerCookie })).text()
    expect(await page()).not.toContain(token!)
    expect(await page()).toMatch(
      /<strong>Claude desktop<\/strong> — Write drafts — .*last used never/,
    )
    expect((await listTools(token!)).status).toBe(200)
    expect(await page()).not.toMatch(/<strong>Claude desktop<\/strong>.*last used never/)

    const [created] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.event, 'access_token_created'))
    expect(created.detail).toBe('Claude desktop (write_drafts, 90 days)')
  })

  it('refuses a token without a name, or with a scope or expiry not offered', async () => {
    for (const form of [
      { name: ' ', scope: 'read', expiresInDays: '30' },
      { name: 'x'.repeat(61), scope: 'read', expiresInDays: '30' },
      { name: 'Admin', scope: 'owner', expiresInDays: '30' },
      { name: 'Forever', scope: 'read', expiresInDays: '100000' },
    ]) {
      const response = await createToken(ownerCookie, form)
      expect(response.status, JSON.stringify(form)).toBe(422)
      expect(await response.text()).toContain('class="field-error"')
    }
    expect(await db.select().from(accessTokens).where(eq(accessTokens.name, 'Admin'))).toEqual([])
  })

  it('revokes a token: it answers 401 at once; nobody else can revoke it', async () => {
    const html = await (
      await createToken(editorCookie, { name: 'Cursor', scope: 'read', expiresInDays: '7' })
    ).text()
    const token = /id="new-token" readonly="" value="([^"]+)"/.exec(html)![1]
    const [row] = await db.select().from(accessTokens).where(eq(accessTokens.name, 'Cursor'))
    expect(
      (await request(`/admin/account/tokens/${row.id}/revoke`, { cookie: ownerCookie, form: {} }))
        .status,
    ).toBe(404)
    expect((await listTools(token)).status).toBe(200)
    const revoked = await request(`/admin/account/tokens/${row.id}/revoke`, {
      cookie: editorCookie,
      form: {},
    })
    expect(revoked.status).toBe(303)
    expect(revoked.headers.get('Location')).toBe('/admin/account?agent=token-revoked#agents')
    expect((await listTools(token)).status).toBe(401)
    const page = await (
      await request('/admin/account?agent=token-revoked', { cookie: editorCookie })
    ).text()
    expect(page).toContain('Token revoked.')
    expect(page).not.toContain('<strong>Cursor</strong>')
  })
})

describe('what a token may do', () => {
  it('is decided by the role through one function: a role that cannot publish caps every token', () => {
    expect(canPublish('owner')).toBe(true)
    expect(canPublish('editor')).toBe(true)
    // A role added later and not given publishing rights (a contributor, say).
    const contributor = 'contributor' as UserRole
    expect(canPublish(contributor)).toBe(false)
    expect(effectiveScope('publish', contributor)).toBe('write_drafts')
    expect(effectiveScope('read', contributor)).toBe('read')
    expect(effectiveScope('publish', 'editor')).toBe('publish')
  })

  it('counts requests per token atomically: concurrent requests never pass the limit', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => countAgentRequest(db, 'token:test', Date.now(), 5)),
    )
    expect(results.filter((result) => result.allowed)).toHaveLength(5)
    // A new minute starts a new count.
    expect((await countAgentRequest(db, 'token:test', Date.now() + 61_000, 5)).allowed).toBe(true)
  })

  it('answers 429 with Retry-After once a token has made its minute’s requests', async () => {
    const html = await (
      await createToken(ownerCookie, { name: 'Busy', scope: 'read', expiresInDays: '7' })
    ).text()
    const token = /id="new-token" readonly="" value="([^"]+)"/.exec(html)![1]
    const [row] = await db.select().from(accessTokens).where(eq(accessTokens.name, 'Busy'))
    await db
      .insert(agentRequestCounts)
      .values({ key: `token:${row.id}`, windowStart: Date.now(), count: 120 })
    const response = await listTools(token)
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0)
  })
})
