import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../../src/index'
import { rememberAccessKeys } from '../../../src/features/auth/cloudflare-access'
import { setUserDisabled } from '../../../src/features/auth/users'
import { auditTrail } from '../../audit-helpers'
import { ORIGIN, createEditor, sessionCookieFrom } from '../../admin-helpers'
import { db } from '../../fixtures'

const TEAM = 'maison.cloudflareaccess.com'
const AUD = '4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2'
const SETTINGS = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD }

let teamKey: CryptoKey
let strangerKey: CryptoKey

beforeAll(async () => {
  // The team's key set, as https://<team>/cdn-cgi/access/certs would serve it.
  const team = await generateKeyPair('RS256', { extractable: true })
  teamKey = team.privateKey
  strangerKey = (await generateKeyPair('RS256')).privateKey
  rememberAccessKeys(TEAM, {
    keys: [{ ...(await exportJWK(team.publicKey)), kid: 'team-key', alg: 'RS256', use: 'sig' }],
  })
  await createEditor('lea@blog.example')
})

function assertion(
  claims: { email?: string; aud?: string; iss?: string; expiresIn?: string; exp?: number } = {},
  key = teamKey,
) {
  const jwt = new SignJWT({ email: claims.email ?? 'lea@blog.example', type: 'app' })
    .setProtectedHeader({ alg: 'RS256', kid: 'team-key' })
    .setIssuer(claims.iss ?? `https://${TEAM}`)
    .setAudience(claims.aud ?? AUD)
    .setIssuedAt()
    .setSubject('7335d417-61da-459d-899c-0a01c76a2f94')
  if (claims.exp) jwt.setExpirationTime(claims.exp)
  else jwt.setExpirationTime(claims.expiresIn ?? '10m')
  return jwt.sign(key)
}

/** An admin page asked through Cloudflare Access, with the Worker's settings. */
async function throughAccess(token: string | null, settings: Partial<Env> = SETTINGS) {
  const ctx = createExecutionContext()
  const headers = new Headers()
  if (token) headers.set('Cf-Access-Jwt-Assertion', token)
  const response = await app.fetch(
    new Request(`${ORIGIN}/admin/posts`, { headers, redirect: 'manual' }),
    { ...env, ...settings },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

function expectRefused(response: Response) {
  expect(response.status).toBe(303)
  expect(response.headers.get('Location')).toMatch(/^\/admin\?next=/)
  expect(response.headers.get('Set-Cookie') ?? '').not.toContain('__Host-session=')
}

describe('Cloudflare Access', () => {
  it('signs in the editor a valid assertion names, once, with a session', async () => {
    const response = await throughAccess(await assertion())
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Log out (lea)')
    const cookie = sessionCookieFrom(response)
    // The session carries on without the header.
    const next = await app.fetch(
      new Request(`${ORIGIN}/admin/posts`, { headers: { Cookie: cookie } }),
      env,
      createExecutionContext(),
    )
    expect(next.status).toBe(200)
    expect((await auditTrail('lea@blog.example')).at(-1)).toMatchObject({
      event: 'sign_in',
      detail: 'access',
    })
  })

  it('refuses an expired assertion', async () => {
    expectRefused(await throughAccess(await assertion({ exp: Math.floor(Date.now() / 1000) - 60 })))
  })

  it('refuses an assertion for another application', async () => {
    expectRefused(await throughAccess(await assertion({ aud: 'another-application-aud' })))
  })

  it('refuses an assertion from another team, or signed by another key', async () => {
    expectRefused(
      await throughAccess(await assertion({ iss: 'https://other.cloudflareaccess.com' })),
    )
    expectRefused(await throughAccess(await assertion({}, strangerKey)))
    expectRefused(await throughAccess('not.a.token'))
  })

  it('signs in nobody for an address without an active account', async () => {
    expectRefused(await throughAccess(await assertion({ email: 'stranger@blog.example' })))
    const gone = await createEditor('gone@blog.example')
    await setUserDisabled(db, gone.id, true)
    expectRefused(await throughAccess(await assertion({ email: 'gone@blog.example' })))
  })

  it('is ignored without both settings', async () => {
    const token = await assertion()
    expectRefused(await throughAccess(token, { ACCESS_TEAM_DOMAIN: '', ACCESS_AUD: '' }))
    expectRefused(await throughAccess(token, { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: '' }))
    expectRefused(await throughAccess(token, { ACCESS_TEAM_DOMAIN: '', ACCESS_AUD: AUD }))
  })
})
