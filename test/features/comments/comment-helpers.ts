import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { comments } from '../../../src/db/schema'
import { formToken } from '../../../src/features/comments/form-token'
import { createPost } from '../../../src/features/posts'
import { request, type TestRequestInit } from '../../admin-helpers'
import { db, postInput } from '../../fixtures'

/** A token as a form rendered `ageMs` ago carries. */
export const tokenAged = (postId: number, ageMs = 10_000) =>
  formToken(env.AUTH_PEPPER, postId, Date.now() - ageMs)

export async function publishedPost(slug: string, authorId: number, extra: object = {}) {
  return createPost(
    db,
    postInput({ slug, authorId, publishedAt: new Date(Date.now() - 3_600_000), ...extra }),
  )
}

export function commentForm(token: string, overrides: Record<string, string> = {}) {
  return {
    name: 'Ada',
    email: '',
    url: '',
    comment: 'A thoughtful remark.',
    parent: '',
    phone: '',
    token,
    ...overrides,
  }
}

/** A reader's POST: whatever the answer, it sets no cookie. */
export async function postComment(
  path: string,
  form: Record<string, string>,
  init: Omit<TestRequestInit, 'form'> = {},
) {
  // One client per post: the rate limit is tested on its own.
  const client = `203.0.113.${[...path].reduce((sum, char) => (sum + char.charCodeAt(0)) % 250, 0)}`
  const response = await request(path, {
    ...init,
    form,
    headers: { 'CF-Connecting-IP': client, ...(init.headers as object) },
  })
  noCookie(response)
  return response
}

export const storedComments = (postId: number) =>
  db.select().from(comments).where(eq(comments.postId, postId))

/** The owner's comment settings, saved through /admin/comments/settings as the form sends them. */
export async function saveSettings(
  ownerCookie: string,
  settings: { moderation: string; closeAfterDays?: number; onPages?: boolean; blockList?: string },
) {
  const form: Record<string, string> = {
    moderation: settings.moderation,
    closeAfterDays: String(settings.closeAfterDays ?? 0),
    blockList: settings.blockList ?? '',
  }
  if (settings.onPages) form.onPages = 'on'
  const response = await request('/admin/comments/settings', { cookie: ownerCookie, form })
  expect(response.status).toBe(303)
}

export function noCookie(response: Response) {
  expect(response.headers.get('Set-Cookie'), response.url).toBeNull()
}
