import { env } from 'cloudflare:workers'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loginFailures } from '../../../src/db/schema'
import { createAuthorAndCategories, db } from '../../fixtures'
import { ORIGIN, PASSWORD, createEditor, logIn, request, sessionCookieFrom } from '../../admin-helpers'

const WRONG = 'not the right password'
/** Failures from many clients in an hour that lock an account for those it does not know. */
const LOCK_FAILURES = 100

beforeAll(async () => {
  await createAuthorAndCategories()
})

/** Time passes for the throttle: every failure recorded so far moves `ms` into the past. */
async function advance(ms: number) {
  await db.update(loginFailures).set({ failedAt: sql`${loginFailures.failedAt} - ${ms}` })
}

function signIn(
  email: string,
  password: string,
  ip: string,
  init: { cookie?: string; next?: string } = {},
) {
  return request('/admin/login', {
    form: { email, password, next: init.next ?? '/admin/posts' },
    headers: { 'CF-Connecting-IP': ip },
    cookie: init.cookie,
  })
}

/** The `Cookie` header value carrying the known-device cookie this response set. */
function deviceCookieFrom(response: Response): string {
  const match = /__Host-device=([^;]+)/.exec(response.headers.get('Set-Cookie') ?? '')
  expect(match, 'no known-device cookie').not.toBeNull()
  return `__Host-device=${match![1]}`
}

/** `count` wrong passwords for `email`, each from its own address, all at once. */
async function failFromMany(email: string, count: number, prefix: string) {
  const responses = await Promise.all(
    Array.from({ length: count }, (_, n) =>
      signIn(email, WRONG, `${prefix}.${Math.floor(n / 250)}.${n % 250}`),
    ),
  )
  return responses.map((response) => response.status)
}

describe('a client failing over and over', () => {
  it('does not stop the owner signing in elsewhere, nor a colleague behind the same address', async () => {
    await createEditor('besieged@blog.example', 'owner')
    await createEditor('colleague@blog.example')
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push((await signIn('besieged@blog.example', WRONG, '198.51.100.66')).status)
    }
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)])
    expect((await signIn('besieged@blog.example', PASSWORD, '203.0.113.10')).status).toBe(303)
    expect((await signIn('colleague@blog.example', PASSWORD, '198.51.100.66')).status).toBe(303)
  })

  it('is answered 429 with a Retry-After that grows, and the form as typed', async () => {
    await createEditor('typo@blog.example')
    const ip = '192.0.2.40'
    for (let i = 0; i < 5; i++)
      expect((await signIn('typo@blog.example', WRONG, ip)).status).toBe(401)
    const waits: string[] = []
    for (const wait of [60, 120, 240]) {
      // Refused even with the right password: it is not checked at all.
      const refused = await signIn('typo@blog.example', PASSWORD, ip, { next: '/admin/users' })
      expect(refused.status).toBe(429)
      expect(refused.headers.get('Set-Cookie')).toBeNull()
      waits.push(refused.headers.get('Retry-After')!)
      const html = await refused.text()
      expect(html).toContain(`Too many failed attempts. Try again in ${wait / 60} minute`)
      expect(html).toContain('value="typo@blog.example"')
      expect(html).toContain('name="next" value="/admin/users"')
      expect(html).not.toContain(PASSWORD)
      await advance(wait * 1000)
      expect((await signIn('typo@blog.example', WRONG, ip)).status).toBe(401)
    }
    expect(waits).toEqual(['60', '120', '240'])
  })

  it('says so in French when the site does', async () => {
    const { app } = await import('../../../src/index')
    await createEditor('francais@blog.example')
    const send = () =>
      app.request(
        `${ORIGIN}/admin/login`,
        {
          method: 'POST',
          body: new URLSearchParams({ email: 'francais@blog.example', password: WRONG }),
          headers: {
            Origin: ORIGIN,
            'Content-Type': 'application/x-www-form-urlencoded',
            'CF-Connecting-IP': '192.0.2.41',
          },
        },
        { ...env, SITE_LOCALE: 'fr' },
      )
    for (let i = 0; i < 5; i++) expect((await send()).status).toBe(401)
    const refused = await send()
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain(
      'Trop de tentatives échouées. Réessayez dans 1\u00a0minute.',
    )
  })

  it('is known only by a keyed hash of its address', async () => {
    const ip = '198.51.100.77'
    await signIn('nobody@blog.example', WRONG, ip)
    const keys = (await db.select().from(loginFailures)).map((row) => row.key)
    expect(keys.join(' ')).not.toContain(ip)
    expect(
      keys.filter((key) => /^(client|address):[0-9a-f]{32}$/.test(key)).length,
    ).toBeGreaterThan(0)
  })

  it('gets at most 5 of 50 simultaneous wrong guesses and a right one checked', async () => {
    await createEditor('burst@blog.example')
    const ip = '192.0.2.200'
    const responses = await Promise.all([
      ...Array.from({ length: 50 }, (_, n) => signIn('burst@blog.example', `${WRONG} ${n}`, ip)),
      signIn('burst@blog.example', PASSWORD, ip),
    ])
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(46)
    // The right password logs in only if it was among the few checked.
    const loggedIn = responses.filter((response) => response.headers.get('Set-Cookie'))
    expect(loggedIn.length).toBe(statuses.filter((status) => status === 303).length)
  })
})

describe('an account under attack from many clients', () => {
  const email = 'popular@blog.example'
  let device: string

  beforeAll(async () => {
    await createEditor(email, 'owner')
    await createEditor('bystander@blog.example')
    const first = await signIn(email, PASSWORD, '203.0.113.50')
    expect(first.status).toBe(303)
    device = deviceCookieFrom(first)
    // Every one of the 100 was checked: no address failed more than once.
    expect(await failFromMany(email, LOCK_FAILURES, '10.1')).toEqual(Array(LOCK_FAILURES).fill(401))
  })

  it('marks the browser of a successful sign-in with a signed __Host- cookie', async () => {
    const response = await signIn('bystander@blog.example', PASSWORD, '203.0.113.51')
    const setCookie = response.headers.get('Set-Cookie')!
    const cookie = /__Host-device=[^,]+/.exec(setCookie)![0]
    expect(cookie).toMatch(/^__Host-device=\d+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Domain')
    expect(sessionCookieFrom(response)).toMatch(/^__Host-session=/)
  })

  it('is locked for every other client, the right password included', async () => {
    const refused = await signIn(email, PASSWORD, '203.0.113.52')
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThan(55 * 60)
    expect(retryAfter).toBeLessThanOrEqual(60 * 60)
    // The address the owner signed in from is no exception without its cookie.
    expect((await signIn(email, PASSWORD, '203.0.113.50')).status).toBe(429)
  })

  it('lets the known device in with the right password, from any address', async () => {
    const response = await signIn(email, PASSWORD, '192.0.2.99', { cookie: device })
    expect(response.status).toBe(303)
    expect(sessionCookieFrom(response)).toMatch(/^__Host-session=/)
  })

  it('refuses a known-device cookie of another account, or altered', async () => {
    const other = deviceCookieFrom(await signIn('bystander@blog.example', PASSWORD, '203.0.113.53'))
    expect((await signIn(email, PASSWORD, '203.0.113.53', { cookie: other })).status).toBe(429)
    // Another device id under the same signature.
    const altered = device.replace(/\.(.)/, (_, char: string) => `.${char === 'A' ? 'B' : 'A'}`)
    expect(altered).not.toBe(device)
    expect((await signIn(email, PASSWORD, '203.0.113.50', { cookie: altered })).status).toBe(429)
  })

  it('holds up a known device by its own failures only', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      statuses.push((await signIn(email, WRONG, '203.0.113.50', { cookie: device })).status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    const refused = await signIn(email, PASSWORD, '203.0.113.50', { cookie: device })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBe('60')
    await advance(60_000)
    expect((await signIn(email, PASSWORD, '203.0.113.50', { cookie: device })).status).toBe(303)
  })

  it('opens again to everyone an hour after the failures', async () => {
    await advance(60 * 60_000)
    expect((await signIn(email, PASSWORD, '203.0.113.54')).status).toBe(303)
  })
})

describe('changing the password', () => {
  it('answers wrong current passwords 429 after 5, with Retry-After, right one included', async () => {
    await createEditor('changing@blog.example')
    const ip = '192.0.2.77'
    const cookie = await logIn('changing@blog.example', PASSWORD, { 'CF-Connecting-IP': ip })
    const change = (currentPassword: string) =>
      request('/admin/account/password', {
        cookie,
        headers: { 'CF-Connecting-IP': ip },
        form: {
          currentPassword,
          newPassword: 'a new passphrase',
          repeatPassword: 'a new passphrase',
        },
      })
    const statuses: number[] = []
    let firstRefusal: Response | null = null
    for (let i = 0; i < 30; i++) {
      const response = await change(`${WRONG} ${i}`)
      statuses.push(response.status)
      if (response.status === 429) firstRefusal ??= response
    }
    expect(statuses).toEqual([...Array(5).fill(422), ...Array(25).fill(429)])
    expect(firstRefusal!.headers.get('Retry-After')).toBe('60')
    const html = await firstRefusal!.text()
    expect(html).toContain('Too many failed attempts. Try again in 1 minute.')
    expect(html).not.toContain(WRONG)

    expect((await change(PASSWORD)).status).toBe(429)
    await advance(60_000)
    expect((await change(PASSWORD)).status).toBe(303)
  })
})
