import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import worker, { app } from '../../../src/index'
import { auditLog } from '../../../src/db/schema'
import { browserFamily } from '../../../src/features/auth/audit-client'
import { recordAudit } from '../../../src/features/auth/audit-log'
import { auditTrail } from '../../audit-helpers'
import { ORIGIN, PASSWORD, createEditor, logIn, request } from '../../admin-helpers'
import { db } from '../../fixtures'

const FIREFOX =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0'
let owner: string
let ownerId: number

beforeAll(async () => {
  ownerId = (await createEditor('owner@blog.example', 'owner')).id
  owner = await logIn('owner@blog.example')
})

/** A sign-in from a browser in a country, as Cloudflare would describe the connection. */
async function signInFrom(email: string, password: string, country: string) {
  const ctx = createExecutionContext()
  const response = await app.fetch(
    new Request(`${ORIGIN}/admin/login`, {
      method: 'POST',
      body: new URLSearchParams({ email, password }),
      headers: {
        Origin: ORIGIN,
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': FIREFOX,
      },
      cf: { country },
    } as RequestInit),
    env,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

const latestRow = async () =>
  (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]

describe('the audit log records', () => {
  it('a sign-in, its method and a coarse client', async () => {
    const user = await createEditor('ana@blog.example')
    expect((await signInFrom('ana@blog.example', PASSWORD, 'FR')).status).toBe(303)
    expect(await latestRow()).toMatchObject({
      event: 'sign_in',
      detail: 'password',
      userId: user.id,
      email: 'ana@blog.example',
      browser: 'Firefox',
      country: 'FR',
    })
  })

  it('failed sign-ins, for an account or an address that has none', async () => {
    const user = await createEditor('bo@blog.example')
    expect((await signInFrom('bo@blog.example', 'not the password', 'DE')).status).toBe(401)
    expect(await latestRow()).toMatchObject({
      event: 'sign_in_failed',
      detail: 'wrong password',
      userId: user.id,
      email: 'bo@blog.example',
      country: 'DE',
    })
    expect((await signInFrom('nobody@blog.example', 'whatever it is', 'DE')).status).toBe(401)
    expect(await latestRow()).toMatchObject({
      event: 'sign_in_failed',
      detail: 'unknown account',
      userId: null,
      email: '',
    })
  })

  it('a password change', async () => {
    const user = await createEditor('cy@blog.example')
    const cookie = await logIn('cy@blog.example')
    const changed = await request('/admin/account/password', {
      cookie,
      form: {
        currentPassword: PASSWORD,
        newPassword: 'another long password',
        repeatPassword: 'another long password',
      },
    })
    expect(changed.status).toBe(303)
    expect((await auditTrail('cy@blog.example')).at(-1)).toEqual({
      event: 'password_changed',
      detail: '',
      actorId: null,
      userId: user.id,
    })
  })
})

describe('/admin/audit', () => {
  it('shows the owner the entries, newest first, with who acted', async () => {
    await recordAudit(db, {
      event: 'invitation_created',
      email: 'guest@blog.example',
      actorId: ownerId,
      detail: 'editor',
    })
    const response = await request('/admin/audit', { cookie: owner })
    expect(response.status).toBe(200)
    const html = await response.text()
    const rows = [...html.matchAll(/<tr data-event="([a-z_]+)">([\s\S]*?)<\/tr>/g)]
    expect(rows[0][1]).toBe('invitation_created')
    expect(rows[0][2]).toContain('Invitation made')
    expect(rows[0][2]).toContain('guest@blog.example')
    expect(rows[0][2]).toContain('owner@blog.example')
    expect(rows.map((row) => row[1])).toContain('sign_in_failed')
    expect(html).toContain('Firefox · FR')
    expect(html).toContain('<a href="/admin/audit">Audit log</a>')
  })

  it('is the owner’s only', async () => {
    await createEditor('dee@blog.example')
    const cookie = await logIn('dee@blog.example')
    expect((await request('/admin/audit', { cookie })).status).toBe(403)
    expect(await (await request('/admin/posts', { cookie })).text()).not.toContain('/admin/audit')
  })
})

describe('retention', () => {
  it('keeps 13 months: the hourly cron deletes older rows', async () => {
    const now = Date.UTC(2026, 6, 15, 12, 0, 0)
    const at = (month: number, day: number) => Date.UTC(2025, month, day, 12, 0, 0)
    await recordAudit(db, { event: 'sign_in', email: 'old@blog.example' }, undefined, at(5, 14))
    await recordAudit(db, { event: 'sign_in', email: 'kept@blog.example' }, undefined, at(5, 16))
    const ctx = createExecutionContext()
    await worker.scheduled(
      createScheduledController({ scheduledTime: now, cron: '7 * * * *' }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(await db.select().from(auditLog).where(eq(auditLog.email, 'old@blog.example'))).toEqual(
      [],
    )
    expect(
      await db.select().from(auditLog).where(eq(auditLog.email, 'kept@blog.example')),
    ).toHaveLength(1)
  })
})

describe('the client, coarsely', () => {
  it.each([
    [FIREFOX, 'Firefox'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'Edge',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Chrome',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari',
    ],
    ['', ''],
    ['SomethingElse/1.0', 'Other'],
  ])('%s is %s', (userAgent, family) => {
    expect(browserFamily(userAgent)).toBe(family)
  })
})
