import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../../src/index'
import { mailOutbox, recoveryLinks } from '../../../src/db/schema'
import {
  RECOVERY_MAILED_TTL_MS,
  RECOVERY_MAILS_PER_HOUR,
  createRecoveryLink,
} from '../../../src/features/account-links/recovery-links'
import { setUserDisabled } from '../../../src/features/auth/users'
import { auditTrail } from '../../audit-helpers'
import { PASSWORD, createEditor, logIn, request, sessionCookieFrom } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import {
  LOCAL_ORIGIN,
  emlText,
  linkIn,
  localRequest,
  outboxEntries,
  parseMail,
} from '../../mail-helpers'

const NEW_PASSWORD = 'recovered at last, 2026'
let owner: string
let ownerId: number

beforeAll(async () => {
  await createAuthorAndCategories()
  ownerId = (await createEditor('owner@blog.example', 'owner')).id
  owner = await logIn('owner@blog.example')
})

/** The "forgot" form sent from `origin`, waiting for what it does after answering. */
async function forgot(email: string, origin = LOCAL_ORIGIN) {
  const ctx = createExecutionContext()
  const response = await app.fetch(
    new Request(`${origin}/admin/recover`, {
      method: 'POST',
      body: new URLSearchParams({ email }),
      headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
    env,
    ctx,
  )
  const body = await response.text()
  await waitOnExecutionContext(ctx)
  return { status: response.status, body }
}

const messagesTo = async (email: string) =>
  (await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email))).length

/** The session cookie works for an admin page (else the admin sends it to the login form). */
async function signedIn(cookie: string) {
  const response = await request('/admin/posts', { cookie })
  return response.status === 200
}

describe('Forgot your password?', () => {
  it('is offered on the login form', async () => {
    const html = await (await request('/admin')).text()
    expect(html).toContain(
      '<a href="/admin/recover">Forgot your password or lost your passkey?</a>',
    )
  })

  it('answers alike for an account, an unknown address and a disabled account, and mails only the account', async () => {
    await createEditor('known@blog.example')
    const disabled = await createEditor('disabled@blog.example')
    await setUserDisabled(db, disabled.id, true)

    const known = await forgot('known@blog.example')
    const unknown = await forgot('nobody@blog.example')
    const off = await forgot('disabled@blog.example')
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(200)
    expect(off.status).toBe(200)
    const neutral = (answer: { body: string }, email: string) => answer.body.replaceAll(email, '…')
    expect(neutral(unknown, 'nobody@blog.example')).toBe(neutral(known, 'known@blog.example'))
    expect(neutral(off, 'disabled@blog.example')).toBe(neutral(known, 'known@blog.example'))
    expect(known.body).toContain('If an editor account uses known@blog.example, a link')

    expect(await messagesTo('known@blog.example')).toBe(1)
    expect(await messagesTo('nobody@blog.example')).toBe(0)
    expect(await messagesTo('disabled@blog.example')).toBe(0)
    expect((await auditTrail('known@blog.example')).map((row) => row.event)).toEqual([
      'recovery_requested',
    ])
    expect(await auditTrail('disabled@blog.example')).toEqual([])
  })

  it('mails a link that sets a new password and signs in, in the language the browser asks for', async () => {
    await createEditor('lost@blog.example')
    const ctx = createExecutionContext()
    await app.fetch(
      new Request(`${LOCAL_ORIGIN}/admin/recover`, {
        method: 'POST',
        body: new URLSearchParams({ email: 'lost@blog.example' }),
        headers: {
          Origin: LOCAL_ORIGIN,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5',
        },
      }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    const [latest] = await outboxEntries(owner)
    expect(latest.row).toContain('lost@blog.example')
    const mail = parseMail(await emlText(await localRequest(latest.eml, { cookie: owner })))
    expect(mail.headers.get('content-language')).toEqual(['fr'])
    expect(mail.parts[0].body).toContain('Pour choisir un nouveau mot de passe')
    const link = linkIn(mail, '/admin/recover/')

    const form = await localRequest(new URL(link).pathname)
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('For lost@blog.example.')
    const done = await localRequest(new URL(link).pathname, {
      form: { password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD },
    })
    expect(done.status).toBe(303)
    expect(await signedIn(sessionCookieFrom(done))).toBe(true)
    await logIn('lost@blog.example', NEW_PASSWORD)
  })

  it('mails one account at most 3 links an hour', async () => {
    await createEditor('flooded@blog.example')
    for (let i = 0; i < RECOVERY_MAILS_PER_HOUR + 2; i++) await forgot('flooded@blog.example')
    expect(await messagesTo('flooded@blog.example')).toBe(RECOVERY_MAILS_PER_HOUR)
  })

  it('without email, deployed, says to ask the owner and makes no link', async () => {
    const user = await createEditor('offline@blog.example')
    const page = await request('/admin/recover')
    expect(await page.text()).toContain(
      'This blog cannot send email. Ask its owner for a recovery link',
    )
    const answer = await forgot('offline@blog.example', 'https://blog.example')
    expect(answer.body).toContain('This blog cannot send email.')
    expect(await db.select().from(recoveryLinks).where(eq(recoveryLinks.userId, user.id))).toEqual(
      [],
    )
  })
})

describe('a recovery link from the owner', () => {
  it('is made with "Recovery link" on /admin/users, and using it ends the person’s other sessions', async () => {
    const writer = await createEditor('writer@blog.example')
    const laptop = await logIn('writer@blog.example')
    const phone = await logIn('writer@blog.example')

    const users = await (await request('/admin/users', { cookie: owner })).text()
    expect(users).toMatch(
      new RegExp(
        `action="/admin/users/${writer.id}/recovery"[^>]*>\\s*<button[^>]*>Recovery link</button>`,
      ),
    )
    const made = await request(`/admin/users/${writer.id}/recovery`, { cookie: owner, form: {} })
    expect(made.status).toBe(200)
    const html = await made.text()
    const link = /value="(https:\/\/blog\.example\/admin\/recover\/[A-Za-z0-9_-]{43})"/.exec(
      html,
    )![1]
    expect(html).toContain('Email is not set up on this blog')
    // Making a link changes nothing yet.
    expect(await signedIn(laptop)).toBe(true)

    const done = await request(new URL(link).pathname, {
      form: { password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD },
    })
    expect(done.status).toBe(303)
    const fresh = sessionCookieFrom(done)
    expect(await signedIn(fresh)).toBe(true)
    expect(await signedIn(laptop)).toBe(false)
    expect(await signedIn(phone)).toBe(false)
    // The old password is gone, the new one works.
    const old = await request('/admin/login', {
      form: { email: 'writer@blog.example', password: PASSWORD },
    })
    expect(old.status).toBe(401)
    await logIn('writer@blog.example', NEW_PASSWORD)

    const trail = await auditTrail('writer@blog.example')
    expect(trail.filter((row) => row.event !== 'sign_in' || row.detail !== 'password')).toEqual([
      { event: 'recovery_link_created', detail: '', actorId: ownerId, userId: writer.id },
      { event: 'recovery_used', detail: '', actorId: null, userId: writer.id },
      { event: 'sign_in', detail: 'recovery', actorId: null, userId: writer.id },
      { event: 'sign_in_failed', detail: 'wrong password', actorId: null, userId: writer.id },
    ])
  })

  it('works once, and says so after', async () => {
    const user = await createEditor('once@blog.example')
    const token = await createRecoveryLink(db, user.id)
    const form = { password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD }
    expect((await request(`/admin/recover/${token}`, { form })).status).toBe(303)
    const again = await request(`/admin/recover/${token}`)
    expect(again.status).toBe(410)
    expect(await again.text()).toContain('This recovery link has already been used')
    expect((await request(`/admin/recover/${token}`, { form })).status).toBe(410)
  })

  it('expires', async () => {
    const user = await createEditor('slow@blog.example')
    const token = await createRecoveryLink(
      db,
      user.id,
      RECOVERY_MAILED_TTL_MS,
      Date.now() - RECOVERY_MAILED_TTL_MS - 1000,
    )
    const page = await request(`/admin/recover/${token}`)
    expect(page.status).toBe(410)
    expect(await page.text()).toContain('This recovery link has expired')
  })

  it('does not bring back a disabled account', async () => {
    const user = await createEditor('gone@blog.example')
    const token = await createRecoveryLink(db, user.id)
    await setUserDisabled(db, user.id, true)
    const response = await request(`/admin/recover/${token}`, {
      form: { password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD },
    })
    expect(response.status).toBe(410)
    expect(response.headers.get('Set-Cookie')).toBeNull()
  })

  it('is for the owner to make, for someone else', async () => {
    await createEditor('peer@blog.example')
    const cookie = await logIn('peer@blog.example')
    expect((await request(`/admin/users/${ownerId}/recovery`, { cookie, form: {} })).status).toBe(
      403,
    )
    expect(
      (await request(`/admin/users/${ownerId}/recovery`, { cookie: owner, form: {} })).status,
    ).toBe(404)
  })
})
