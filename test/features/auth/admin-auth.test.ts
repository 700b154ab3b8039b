import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { sessions } from '../../../src/db/schema'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../src/features/auth/sessions'
import { createAuthorAndCategories, db } from '../../fixtures'
import { createEditor, logIn, PASSWORD, request, sessionCookieFrom } from '../../admin-helpers'
import { sha256Hex } from '../../../src/lib/tokens'

beforeAll(async () => {
  await createAuthorAndCategories()
  await createEditor('owner@blog.example', 'owner')
  await createEditor('editor@blog.example')
})

describe('login', () => {
  it('shows the login form at /admin and sets no cookie', async () => {
    const response = await request('/admin')
    expect(response.status).toBe(200)
    expect(response.headers.get('Set-Cookie')).toBeNull()
    const html = await response.text()
    expect(html).toContain('<form method="post" action="/admin/login"')
    expect(html).toContain('name="password"')
  })

  it('logs in with the right password and sets a __Host- session cookie', async () => {
    const response = await request('/admin/login', {
      form: { email: 'Owner@Blog.example ', password: PASSWORD },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe('/admin/posts')
    const setCookie = response.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('Secure')
    expect(setCookie).toContain('SameSite=Strict')
    expect(setCookie).toContain('Path=/')
    expect(setCookie).not.toContain('Domain')
    const page = await request('/admin/posts', { cookie: sessionCookieFrom(response) })
    expect(page.status).toBe(200)
  })

  it('keeps only a hash of the session token in D1', async () => {
    const cookie = await logIn('owner@blog.example')
    const token = cookie.split('=')[1]
    const expected = await sha256Hex(token)
    const rows = await db.select().from(sessions).where(eq(sessions.tokenHash, expected))
    expect(rows).toHaveLength(1)
    const all = await db.select().from(sessions)
    expect(all.some((row) => row.tokenHash.includes(token))).toBe(false)
  })

  it('refuses a wrong password with the form again, email kept', async () => {
    const response = await request('/admin/login', {
      form: { email: 'editor@blog.example', password: 'wrong password!' },
    })
    expect(response.status).toBe(401)
    expect(response.headers.get('Set-Cookie')).toBeNull()
    const html = await response.text()
    expect(html).toContain('That email and password do not match an active editor.')
    expect(html).toContain('value="editor@blog.example"')
  })

  it('only returns to admin pages after login', async () => {
    for (const [next, expected] of [
      ['/admin/users', '/admin/users'],
      ['https://evil.example/', '/admin/posts'],
      ['//evil.example', '/admin/posts'],
      ['/admin//evil.example', '/admin/posts'],
    ]) {
      const response = await request('/admin/login', {
        form: { email: 'owner@blog.example', password: PASSWORD, next },
      })
      expect(response.headers.get('Location')).toBe(expected)
    }
  })
})

describe('sessions', () => {
  it('expires after 30 idle minutes', async () => {
    const cookie = await logIn('editor@blog.example')
    await db.update(sessions).set({ lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) })
    const response = await request('/admin/posts', { cookie })
    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe('/admin?next=%2Fadmin%2Fposts')
  })

  it('expires 8 hours after login even when active', async () => {
    const cookie = await logIn('editor@blog.example')
    await db.update(sessions).set({ createdAt: new Date(Date.now() - SESSION_ABSOLUTE_MS - 1000) })
    expect((await request('/admin/posts', { cookie })).status).toBe(303)
  })

  it('logs out by deleting the session on the server', async () => {
    const cookie = await logIn('editor@blog.example')
    const before = (await db.select().from(sessions)).length
    const response = await request('/admin/logout', { form: {}, cookie })
    expect(response.status).toBe(303)
    expect(response.headers.get('Set-Cookie')).toMatch(/__Host-session=;.*Max-Age=0/)
    expect((await db.select().from(sessions)).length).toBe(before - 1)
    expect((await request('/admin/posts', { cookie })).status).toBe(303)
  })

  it('ends every session of an editor who changes their password', async () => {
    await createEditor('changer@blog.example')
    const laptop = await logIn('changer@blog.example')
    const phone = await logIn('changer@blog.example')
    const newPassword = 'a brand new passphrase'
    const response = await request('/admin/account/password', {
      cookie: laptop,
      form: { currentPassword: PASSWORD, newPassword, repeatPassword: newPassword },
    })
    expect(response.status).toBe(303)
    expect((await request('/admin/posts', { cookie: phone })).status).toBe(303)
    expect((await request('/admin/posts', { cookie: laptop })).status).toBe(303)
    const renewed = sessionCookieFrom(response)
    expect((await request('/admin/posts', { cookie: renewed })).status).toBe(200)
    await logIn('changer@blog.example', newPassword)
  })

  it('refuses a disabled editor', async () => {
    const owner = await logIn('owner@blog.example')
    const victim = await createEditor('leaving@blog.example')
    const session = await logIn('leaving@blog.example')
    await request(`/admin/users/${victim.id}/disable`, { cookie: owner, form: {} })
    expect((await request('/admin/posts', { cookie: session })).status).toBe(303)
    const again = await request('/admin/login', {
      form: { email: 'leaving@blog.example', password: PASSWORD },
    })
    expect(again.status).toBe(401)
  })
})

describe('access control', () => {
  const protectedPages = [
    '/admin/posts',
    '/admin/posts/new',
    '/admin/posts/1',
    '/admin/posts/1/delete',
    '/admin/users',
    '/admin/account',
  ]
  const protectedActions = [
    '/admin/posts',
    '/admin/posts/1',
    '/admin/posts/preview',
    '/admin/posts/1/delete',
    '/admin/posts/1/restore',
    '/admin/posts/1/revisions/1/restore',
    '/admin/users',
    '/admin/users/1/disable',
    '/admin/users/1/enable',
    '/admin/users/1/delete',
    '/admin/account/password',
  ]

  it.each(protectedPages)('sends an anonymous GET %s to the login form', async (path) => {
    const response = await request(path)
    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe(`/admin?next=${encodeURIComponent(path)}`)
  })

  it.each(protectedActions)('refuses an anonymous POST %s', async (path) => {
    const response = await request(path, { form: { title: 'x', markdown: 'y' } })
    expect([401, 403]).toContain(response.status)
    expect(response.headers.get('Set-Cookie')).toBeNull()
  })

  it('lets only the owner manage editors', async () => {
    const editor = await logIn('editor@blog.example')
    expect((await request('/admin/users', { cookie: editor })).status).toBe(403)
    expect(
      (await request('/admin/users', { cookie: editor, form: { email: 'x@y.z', name: 'X' } }))
        .status,
    ).toBe(403)
  })
})

describe('CSRF', () => {
  it('rejects a cross-site form post even with a valid session', async () => {
    const cookie = await logIn('owner@blog.example')
    const response = await request('/admin/posts', {
      cookie,
      headers: { Origin: 'https://evil.example' },
      form: {
        title: 'Injected',
        markdown: 'x',
        status: 'published',
        language: 'en',
        authorId: '1',
        timeZone: 'UTC',
      },
    })
    expect(response.status).toBe(403)
    const list = await (await request('/admin/posts', { cookie })).text()
    expect(list).not.toContain('Injected')
  })

  it('rejects a cross-site login', async () => {
    const response = await request('/admin/login', {
      headers: { Origin: 'https://evil.example' },
      form: { email: 'owner@blog.example', password: PASSWORD },
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('Set-Cookie')).toBeNull()
  })
})
