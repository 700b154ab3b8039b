import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, webauthnChallenges } from '../../../src/db/schema'
import { createAuthorAndCategories, db } from '../../fixtures'
import {
  createEditor,
  logIn,
  ORIGIN,
  PASSWORD,
  request,
  sessionCookieFrom,
} from '../../admin-helpers'
import { SoftAuthenticator, type Ceremony } from '../../support/soft-authenticator'

const RP = { origin: ORIGIN, rpId: new URL(ORIGIN).hostname }

function postJson(path: string, body: unknown = {}, cookie?: string) {
  return request(path, {
    method: 'POST',
    cookie,
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify(body),
  })
}

async function registrationOptions(cookie: string) {
  const response = await postJson('/admin/account/passkeys/options', {}, cookie)
  expect(response.status).toBe(200)
  return (await response.json()) as {
    challenge: string
    user: { id: string; name: string }
    rp: { id: string }
    authenticatorSelection: { residentKey: string; userVerification: string }
  }
}

async function signInOptions() {
  const response = await postJson('/admin/passkey/options')
  expect(response.status).toBe(200)
  return (await response.json()) as { challenge: string; rpId: string; userVerification: string }
}

/** An editor, signed in with the password, with one passkey registered. */
async function editorWithPasskey(email: string) {
  await createEditor(email)
  const cookie = await logIn(email)
  const authenticator = await SoftAuthenticator.create()
  const options = await registrationOptions(cookie)
  const response = await postJson(
    '/admin/account/passkeys',
    { name: 'Laptop', response: await authenticator.register(options, RP) },
    cookie,
  )
  expect(response.status).toBe(201)
  return { cookie, authenticator }
}

async function signIn(authenticator: SoftAuthenticator, ceremony: Ceremony = RP) {
  const options = await signInOptions()
  const response = await authenticator.assert(options, ceremony)
  return postJson('/admin/passkey/sign-in', { next: '/admin/account', response })
}

beforeAll(async () => {
  await createAuthorAndCategories()
})

describe('passkey registration', () => {
  it('asks for a discoverable, user-verified credential for the site’s host', async () => {
    await createEditor('options@blog.example')
    const options = await registrationOptions(await logIn('options@blog.example'))
    expect(options.rp.id).toBe('blog.example')
    expect(options.user.name).toBe('options@blog.example')
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    })
  })

  it('adds a named passkey, shown on the account page, recorded in the audit log', async () => {
    const { cookie } = await editorWithPasskey('adds@blog.example')
    const page = await (await request('/admin/account', { cookie })).text()
    expect(page).toContain('<strong>Laptop</strong>')
    expect(page).toMatch(/Last used\s*never/)
    expect(page).toContain('Add a passkey')
    expect(page).toContain('action="/admin/logout"')
    const audit = await db.select().from(auditLog).where(eq(auditLog.email, 'adds@blog.example'))
    expect(audit.map((row) => [row.event, row.detail])).toContainEqual(['passkey_added', 'Laptop'])
  })

  it('refuses a registration without user verification', async () => {
    await createEditor('no-uv@blog.example')
    const cookie = await logIn('no-uv@blog.example')
    const authenticator = await SoftAuthenticator.create()
    const options = await registrationOptions(cookie)
    const response = await postJson(
      '/admin/account/passkeys',
      {
        name: 'Key',
        response: await authenticator.register(options, { ...RP, userVerified: false }),
      },
      cookie,
    )
    expect(response.status).toBe(400)
  })

  it('refuses a registration made for another origin or another RP ID', async () => {
    await createEditor('wrong-reg@blog.example')
    const cookie = await logIn('wrong-reg@blog.example')
    for (const ceremony of [
      { ...RP, origin: 'https://evil.example' },
      { ...RP, rpId: 'evil.example' },
    ]) {
      const authenticator = await SoftAuthenticator.create()
      const options = await registrationOptions(cookie)
      const response = await postJson(
        '/admin/account/passkeys',
        { name: 'Key', response: await authenticator.register(options, ceremony) },
        cookie,
      )
      expect(response.status).toBe(400)
    }
  })

  it('refuses a registration challenge used twice', async () => {
    await createEditor('reg-replay@blog.example')
    const cookie = await logIn('reg-replay@blog.example')
    const options = await registrationOptions(cookie)
    const first = await postJson(
      '/admin/account/passkeys',
      { name: 'One', response: await (await SoftAuthenticator.create()).register(options, RP) },
      cookie,
    )
    expect(first.status).toBe(201)
    const second = await postJson(
      '/admin/account/passkeys',
      { name: 'Two', response: await (await SoftAuthenticator.create()).register(options, RP) },
      cookie,
    )
    expect(second.status).toBe(400)
  })
})

describe('passkey sign-in', () => {
  it('signs in with a discoverable credential: session, known device, audit, last use', async () => {
    const { authenticator } = await editorWithPasskey('signs-in@blog.example')
    const options = await signInOptions()
    expect(options.rpId).toBe('blog.example')
    expect(options.userVerification).toBe('required')
    const response = await postJson('/admin/passkey/sign-in', {
      next: '/admin/account',
      response: await authenticator.assert(options, RP),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ location: '/admin/account' })
    const setCookie = response.headers.get('Set-Cookie') ?? ''
    expect(setCookie).toMatch(/__Host-device=/)
    const cookie = sessionCookieFrom(response)
    const page = await request('/admin/account', { cookie })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('signs-in@blog.example')
    expect(html).not.toMatch(/Last used\s*never/)
    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.email, 'signs-in@blog.example'))
    expect(audit.map((row) => [row.event, row.detail])).toContainEqual(['sign_in', 'passkey'])
  })

  it('refuses an answer replayed to the same challenge', async () => {
    const { authenticator } = await editorWithPasskey('replay@blog.example')
    const options = await signInOptions()
    const answer = await authenticator.assert(options, RP)
    const body = { next: '/admin/posts', response: answer }
    expect((await postJson('/admin/passkey/sign-in', body)).status).toBe(200)
    const replayed = await postJson('/admin/passkey/sign-in', body)
    expect(replayed.status).toBe(401)
    expect(replayed.headers.get('Set-Cookie')).toBeNull()
  })

  it('refuses a challenge older than 5 minutes', async () => {
    const { authenticator } = await editorWithPasskey('expired@blog.example')
    const options = await signInOptions()
    await db
      .update(webauthnChallenges)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(webauthnChallenges.challenge, options.challenge))
    const response = await postJson('/admin/passkey/sign-in', {
      next: '/admin/posts',
      response: await authenticator.assert(options, RP),
    })
    expect(response.status).toBe(401)
  })

  it('issues challenges that expire 5 minutes later', async () => {
    const before = Date.now()
    const options = await signInOptions()
    const [row] = await db
      .select()
      .from(webauthnChallenges)
      .where(eq(webauthnChallenges.challenge, options.challenge))
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(5 * 60_000)
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000)
  })

  it('sweeps expired challenges as new ones are issued', async () => {
    await db
      .insert(webauthnChallenges)
      .values({ challenge: 'stale', purpose: 'sign_in', expiresAt: new Date(Date.now() - 1) })
    await signInOptions()
    const stale = await db
      .select()
      .from(webauthnChallenges)
      .where(eq(webauthnChallenges.challenge, 'stale'))
    expect(stale).toEqual([])
  })

  it('refuses an answer made for another origin or another RP ID', async () => {
    const { authenticator } = await editorWithPasskey('wrong-rp@blog.example')
    expect((await signIn(authenticator, { ...RP, origin: 'https://evil.example' })).status).toBe(
      401,
    )
    expect((await signIn(authenticator, { ...RP, rpId: 'evil.example' })).status).toBe(401)
    expect((await signIn(authenticator)).status).toBe(200)
  })

  it('refuses an answer without user verification', async () => {
    const { authenticator } = await editorWithPasskey('no-uv-sign-in@blog.example')
    expect((await signIn(authenticator, { ...RP, userVerified: false })).status).toBe(401)
  })

  it('refuses a counter that went backwards (a cloned authenticator)', async () => {
    const { authenticator } = await editorWithPasskey('counter@blog.example')
    expect((await signIn(authenticator)).status).toBe(200)
    expect((await signIn(authenticator)).status).toBe(200)
    authenticator.counter = 0
    expect((await signIn(authenticator)).status).toBe(401)
  })

  it('refuses an answer whose user handle names another account', async () => {
    const { authenticator } = await editorWithPasskey('handle@blog.example')
    authenticator.userHandle = new TextEncoder().encode('999999')
    expect((await signIn(authenticator)).status).toBe(401)
  })

  it('refuses an unknown credential', async () => {
    const stranger = await SoftAuthenticator.create()
    expect((await signIn(stranger)).status).toBe(401)
  })

  it('shows the passkey button and autofill on the login page', async () => {
    const html = await (await request('/admin')).text()
    expect(html).toContain('Sign in with a passkey')
    expect(html).toContain('autocomplete="username webauthn"')
  })
})

describe('turning the password off', () => {
  it('is refused to an account without a passkey', async () => {
    await createEditor('no-passkey@blog.example')
    const cookie = await logIn('no-passkey@blog.example')
    const response = await request('/admin/account/password-off', { cookie, form: {} })
    expect(response.status).toBe(409)
    await logIn('no-passkey@blog.example')
  })

  it('refuses the password afterwards; the passkey still signs in; turning it on restores it', async () => {
    const { cookie, authenticator } = await editorWithPasskey('off@blog.example')
    const off = await request('/admin/account/password-off', { cookie, form: {} })
    expect(off.status).toBe(303)
    const refused = await request('/admin/login', {
      form: { email: 'off@blog.example', password: PASSWORD },
    })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('Set-Cookie')).toBeNull()
    const signedIn = await signIn(authenticator)
    expect(signedIn.status).toBe(200)
    const on = await request('/admin/account/password-on', {
      cookie: sessionCookieFrom(signedIn),
      form: {},
    })
    expect(on.status).toBe(303)
    await logIn('off@blog.example')
  })

  it('is turned back on by setting a new password (as a recovery link does)', async () => {
    const { cookie } = await editorWithPasskey('new-password@blog.example')
    expect((await request('/admin/account/password-off', { cookie, form: {} })).status).toBe(303)
    const newPassword = 'another long enough password'
    const changed = await request('/admin/account/password', {
      cookie,
      form: { currentPassword: PASSWORD, newPassword, repeatPassword: newPassword },
    })
    expect(changed.status).toBe(303)
    await logIn('new-password@blog.example', newPassword)
  })

  it('keeps the last passkey of an account whose password is off; removes others', async () => {
    const { cookie } = await editorWithPasskey('last@blog.example')
    const second = await SoftAuthenticator.create()
    const added = await postJson(
      '/admin/account/passkeys',
      { name: 'Phone', response: await second.register(await registrationOptions(cookie), RP) },
      cookie,
    )
    expect(added.status).toBe(201)
    expect((await request('/admin/account/password-off', { cookie, form: {} })).status).toBe(303)
    const removed = await request(`/admin/account/passkeys/${second.id}/delete`, {
      cookie,
      form: {},
    })
    expect(removed.status).toBe(303)
    const page = await (await request('/admin/account', { cookie })).text()
    expect(page).not.toContain('<strong>Phone</strong>')
    const id = /action="\/admin\/account\/passkeys\/([A-Za-z0-9_-]+)\/delete"/.exec(page)![1]
    const last = await request(`/admin/account/passkeys/${id}/delete`, { cookie, form: {} })
    expect(last.status).toBe(409)
    const audit = await db.select().from(auditLog).where(eq(auditLog.email, 'last@blog.example'))
    expect(audit.map((row) => [row.event, row.detail])).toContainEqual(['passkey_removed', 'Phone'])
  })

  it('does not let one editor remove another’s passkey', async () => {
    const { authenticator } = await editorWithPasskey('victim@blog.example')
    await createEditor('thief@blog.example')
    const thief = await logIn('thief@blog.example')
    const response = await request(`/admin/account/passkeys/${authenticator.id}/delete`, {
      cookie: thief,
      form: {},
    })
    expect(response.status).toBe(409)
    expect((await signIn(authenticator)).status).toBe(200)
  })
})
