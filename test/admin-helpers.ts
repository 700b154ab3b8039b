import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import type { UserRole } from '../src/db/schema'
import { createUser } from '../src/features/auth/users'
import { hashPassword } from '../src/features/auth/password'
import { db } from './fixtures'

export const ORIGIN = 'https://blog.example'
export const PASSWORD = 'correct horse battery staple'

export type TestRequestInit = RequestInit & {
  cookie?: string
  form?: Record<string, string | string[]>
}

/** A request to the Worker through its entrypoint, as the runtime delivers one. */
export function request(path: string, init: TestRequestInit = {}) {
  return exports.default.fetch(testRequest(path, init))
}

/** The Request `request` sends: the cookie as a header, a form as its urlencoded body. */
export function testRequest(path: string, init: TestRequestInit) {
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('Cookie', init.cookie)
  let body = init.body
  if (init.form) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(init.form)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, item)
    }
    body = params
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
    if (!headers.has('Origin')) headers.set('Origin', ORIGIN)
  }
  const { cookie: _cookie, form: _form, ...requestInit } = init
  return new Request(`${ORIGIN}${path}`, {
    ...requestInit,
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    headers,
    body,
    redirect: 'manual',
  })
}

export async function createEditor(email: string, role: UserRole = 'editor', password = PASSWORD) {
  return createUser(db, {
    email,
    name: email.split('@')[0],
    role,
    passwordHash: await hashPassword(password, env.AUTH_PEPPER),
  })
}

/** The `Cookie` header value the browser would send back after this response. */
export function sessionCookieFrom(response: Response): string {
  const setCookie = response.headers.get('Set-Cookie') ?? ''
  const match = /__Host-session=([^;]+)/.exec(setCookie)
  expect(match, `no session cookie in: ${setCookie}`).not.toBeNull()
  return `__Host-session=${match![1]}`
}

export async function logIn(
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  const response = await request('/admin/login', { form: { email, password }, headers })
  expect(response.status).toBe(303)
  return sessionCookieFrom(response)
}

/** The post editor's fields as a browser sends them, all empty but what `overrides` sets. */
export function postFields(
  authorId: number,
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    title: '',
    slug: '',
    excerpt: '',
    markdown: '',
    categoryIds: [],
    newCategory: '',
    language: 'fr',
    authorId: String(authorId),
    status: 'draft',
    publishDate: '',
    publishTime: '',
    timeZone: 'Europe/Paris',
    ...overrides,
  }
}
