/**
 * Every admin route, for every role: the route table (`adminRoutes.routes`) is read, and each
 * route must have its expected access below, so a new route without an entry (and without the
 * check that entry states) fails here. Forbidden means exactly 403; allowed means neither 401 nor
 * 403 nor a server error. The content a route acts on belongs to another account (an editor's
 * post, note and image), so authors and contributors must be refused it.
 */
import { env, exports } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminRoutes } from '../../../src/features/admin/routes'
import { createSession } from '../../../src/features/auth/sessions'
import { newSessionToken } from '../../../src/features/auth/session-token'
import { createInvitation } from '../../../src/features/account-links/invitations'
import { createPost } from '../../../src/features/posts/writes'
import { submitNewPost } from '../../../src/features/posts/review-state'
import { sha256Hex } from '../../../src/lib/tokens'
import { unsubscribeSignature } from '../../../src/features/comments/email-hash'
import {
  comments,
  postRevisions,
  subscribers,
  users,
  USER_ROLES,
  type UserRole,
} from '../../../src/db/schema'
import { createEditor, postFields, testRequest } from '../../admin-helpers'
import { createAuthorAndCategories, db, insertImageRow, postInput } from '../../fixtures'
import { noteForm } from '../../note-helpers'

/**
 * `public`: anyone, signed in or not. `signedIn`: any role. `publishers`: every role but the
 * contributor (the form publishes). `contentEditors`: the owner and editors (for authors and
 * contributors, the content is someone else's, or the page is not theirs). `owner`: the owner.
 */
type Access = 'public' | 'signedIn' | 'publishers' | 'contentEditors' | 'owner'

type Form = Record<string, string | string[]>
type RouteCase = {
  access: Access
  /** The address, parameters filled in with fresh rows (the request may change or delete them). */
  path?: () => Promise<string>
  form?: () => Promise<Form> | Form
  /** Answered only on this machine (the outbox): asked at http://localhost. */
  local?: boolean
}

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
const accounts = {} as Record<UserRole, number>
let editorId: number

/** A draft by the editor, as a new row each time. */
async function othersPost(kind: 'post' | 'note' | 'page' = 'post') {
  const slug = `others-${crypto.randomUUID()}`
  const input = postInput({
    slug,
    authorId: ids.otherAuthor.id,
    status: 'draft',
    publishedAt: null,
  })
  return createPost(
    db,
    kind === 'note'
      ? { ...input, kind, sourceUrl: 'https://example.org/source' }
      : kind === 'page'
        ? { ...input, kind }
        : input,
    editorId,
  )
}

async function othersImage() {
  return (await insertImageRow(editorId, crypto.randomUUID().replaceAll('-', ''))).id
}

async function anotherAccount() {
  return (await createEditor(`target-${crypto.randomUUID()}@blog.example`)).id
}

const draftForm = () =>
  postFields(ids.otherAuthor.id, { title: `Changed ${crypto.randomUUID()}`, version: '1' })

/** The editor's draft, submitted for review. */
async function pendingPost() {
  const id = await othersPost()
  await submitNewPost(db, id, editorId, '')
  return id
}
const TOKEN = 'A'.repeat(43)

/** A reader's comment, approved, on a post of the editor's. */
async function aComment() {
  const [row] = await db
    .insert(comments)
    .values({
      postId: await othersPost(),
      status: 'approved',
      authorName: 'Reader',
      markdown: 'Nice.',
      html: '<p>Nice.</p>',
      createdAt: new Date(),
    })
    .returning({ id: comments.id })
  return row.id
}
const unsubscribePath = async () => {
  const id = await aComment()
  return `/admin/comments/unsubscribe/${id}/${await unsubscribeSignature(env.AUTH_PEPPER, id)}`
}

const ROUTES: Record<string, RouteCase> = {
  'GET /': { access: 'public' },
  'GET /login': { access: 'public' },
  'POST /login': {
    access: 'public',
    form: () => ({ email: 'nobody@blog.example', password: 'x' }),
  },
  'POST /passkey/options': { access: 'public', form: () => ({}) },
  'POST /passkey/sign-in': { access: 'public', form: () => ({}) },
  'POST /logout': { access: 'public', form: () => ({}) },
  'GET /manifest.webmanifest': { access: 'public' },
  'GET /join/:token': { access: 'public', path: async () => `/admin/join/${TOKEN}` },
  'POST /join/:token': {
    access: 'public',
    path: async () => `/admin/join/${TOKEN}`,
    form: () => ({}),
  },
  'GET /recover': { access: 'public' },
  'POST /recover': { access: 'public', form: () => ({ email: 'nobody@blog.example' }) },
  'GET /recover/:token': { access: 'public', path: async () => `/admin/recover/${TOKEN}` },
  'POST /recover/:token': {
    access: 'public',
    path: async () => `/admin/recover/${TOKEN}`,
    form: () => ({}),
  },

  // Posts: writing is everyone's; publishing not the contributor's; others' posts the editors'.
  'POST /posts': {
    access: 'publishers',
    form: () =>
      postFields(ids.author.id, { title: `Published ${crypto.randomUUID()}`, status: 'published' }),
  },
  'POST /posts/autosave': {
    access: 'signedIn',
    form: () => postFields(ids.author.id, { title: `Typed ${crypto.randomUUID()}` }),
  },
  'GET /posts': { access: 'signedIn' },
  'GET /posts/new': { access: 'signedIn' },
  'POST /posts/preview': {
    access: 'signedIn',
    form: () => ({ markdown: 'Hello', language: 'en' }),
  },
  'POST /posts/:id{[0-9]+}': {
    access: 'contentEditors',
    path: async () => `/admin/posts/${await othersPost()}`,
    form: () => draftForm(),
  },
  'POST /posts/:id{[0-9]+}/autosave': {
    access: 'contentEditors',
    path: async () => `/admin/posts/${await othersPost()}/autosave`,
    form: () => draftForm(),
  },
  'GET /posts/:id{[0-9]+}': {
    access: 'contentEditors',
    path: async () => `/admin/posts/${await othersPost()}`,
  },
  'GET /posts/:id{[0-9]+}/preview': {
    access: 'contentEditors',
    path: async () => `/admin/posts/${await othersPost()}/preview`,
  },
  'GET /posts/:id{[0-9]+}/delete': {
    access: 'contentEditors',
    path: async () => `/admin/posts/${await othersPost()}/delete`,
  },
  'POST /posts/:id{[0-9]+}/delete': {
    access: 'contentEditors',
    path: async () => `/admin/posts/${await othersPost()}/delete`,
    form: () => ({}),
  },
  'POST /posts/:id{[0-9]+}/restore': {
    access: 'contentEditors',
    path: async () => `/admin/posts/${await othersPost()}/restore`,
    form: () => ({}),
  },
  'POST /posts/:id{[0-9]+}/revisions/:revisionId{[0-9]+}/restore': {
    access: 'contentEditors',
    path: async () => {
      const id = await othersPost()
      const [revision] = await db
        .select({ id: postRevisions.id })
        .from(postRevisions)
        .where(eq(postRevisions.postId, id))
      return `/admin/posts/${id}/revisions/${revision.id}/restore`
    },
    form: () => ({}),
  },

  // Notes, the same way.
  'POST /notes': {
    access: 'publishers',
    form: () => noteForm(ids, { title: crypto.randomUUID() }),
  },
  'POST /notes/:id{[0-9]+}': {
    access: 'contentEditors',
    path: async () => `/admin/notes/${await othersPost('note')}`,
    form: () => noteForm(ids, { intent: 'draft', version: '1' }),
  },
  'GET /notes': { access: 'signedIn' },
  'GET /notes/:id{[0-9]+}': {
    access: 'contentEditors',
    path: async () => `/admin/notes/${await othersPost('note')}`,
  },
  'GET /share': { access: 'signedIn' },

  // Images: everyone uploads; only editors delete someone else's.
  'GET /media': { access: 'signedIn' },
  'GET /media/library': { access: 'signedIn' },
  'POST /media': { access: 'signedIn', form: () => ({ alt: '' }) },
  'POST /media/:id/delete': {
    access: 'contentEditors',
    path: async () => `/admin/media/${await othersImage()}/delete`,
    form: () => ({}),
  },

  // Everyone's own account.
  'GET /account': { access: 'signedIn' },
  'POST /account/passkeys/options': { access: 'signedIn', form: () => ({}) },
  'POST /account/passkeys': { access: 'signedIn', form: () => ({}) },
  'POST /account/passkeys/:id/delete': {
    access: 'signedIn',
    path: async () => '/admin/account/passkeys/no-such-key/delete',
    form: () => ({}),
  },
  'POST /account/password-off': { access: 'signedIn', form: () => ({}) },
  'POST /account/password-on': { access: 'signedIn', form: () => ({}) },
  'POST /account/password': { access: 'signedIn', form: () => ({}) },
  'POST /editor/clean-html': { access: 'signedIn', form: () => ({ html: '<p>Hi</p>' }) },
  // Agents' tokens and OAuth grants act within their person's role, so every role makes them.
  'POST /account/tokens': { access: 'signedIn', form: () => ({}) },
  'POST /account/tokens/:id{[0-9]+}/revoke': {
    access: 'signedIn',
    path: async () => '/admin/account/tokens/999999/revoke',
    form: () => ({}),
  },
  'POST /account/apps/:id/revoke': {
    access: 'signedIn',
    path: async () => '/admin/account/apps/no-such-app/revoke',
    form: () => ({}),
  },
  'GET /oauth/authorize': { access: 'signedIn' },
  'POST /oauth/authorize': { access: 'signedIn', form: () => ({}) },

  // Previews of someone else's draft.
  'POST /preview-links/:id{[0-9]+}': {
    access: 'contentEditors',
    path: async () => `/admin/preview-links/${await othersPost()}`,
    form: () => ({}),
  },
  'POST /preview-links/:id{[0-9]+}/revoke': {
    access: 'contentEditors',
    path: async () => `/admin/preview-links/${await othersPost()}/revoke`,
    form: () => ({}),
  },

  // The editors' pages.
  'GET /authors': { access: 'contentEditors' },
  'POST /authors': { access: 'contentEditors', form: () => ({ name: '', slug: '', bio: '' }) },
  'POST /authors/:id{[0-9]+}': {
    access: 'contentEditors',
    path: async () => `/admin/authors/${ids.otherAuthor.id}`,
    form: () => ({ name: 'James Hart', slug: 'james-hart', bio: '', userId: '' }),
  },
  'GET /analytics': { access: 'contentEditors' },
  'GET /analytics.csv': { access: 'contentEditors' },
  'GET /review': { access: 'contentEditors' },
  'POST /review/:id{[0-9]+}/publish': {
    access: 'contentEditors',
    path: async () => `/admin/review/${await pendingPost()}/publish`,
    form: () => ({ version: '1', when: 'now' }),
  },
  'POST /review/:id{[0-9]+}/return': {
    access: 'contentEditors',
    path: async () => `/admin/review/${await pendingPost()}/return`,
    form: () => ({ note: 'Please cut the second half.' }),
  },

  // Pages at the site's root are the site's, like its settings and menus: editors only.
  'GET /pages': { access: 'contentEditors' },
  'GET /pages/new': { access: 'contentEditors' },
  'POST /pages': {
    access: 'contentEditors',
    form: () => postFields(ids.author.id, { title: `Page ${crypto.randomUUID()}` }),
  },
  'POST /pages/autosave': {
    access: 'contentEditors',
    form: () => postFields(ids.author.id, { title: `Typed ${crypto.randomUUID()}` }),
  },
  'POST /pages/preview': {
    access: 'contentEditors',
    form: () => ({ markdown: 'Hello', language: 'en' }),
  },
  'POST /pages/:id{[0-9]+}': {
    access: 'contentEditors',
    path: async () => `/admin/pages/${await othersPost('page')}`,
    form: () => draftForm(),
  },
  'POST /pages/:id{[0-9]+}/autosave': {
    access: 'contentEditors',
    path: async () => `/admin/pages/${await othersPost('page')}/autosave`,
    form: () => draftForm(),
  },
  'GET /pages/:id{[0-9]+}': {
    access: 'contentEditors',
    path: async () => `/admin/pages/${await othersPost('page')}`,
  },
  'GET /pages/:id{[0-9]+}/preview': {
    access: 'contentEditors',
    path: async () => `/admin/pages/${await othersPost('page')}/preview`,
  },
  'GET /pages/:id{[0-9]+}/delete': {
    access: 'contentEditors',
    path: async () => `/admin/pages/${await othersPost('page')}/delete`,
  },
  'POST /pages/:id{[0-9]+}/delete': {
    access: 'contentEditors',
    path: async () => `/admin/pages/${await othersPost('page')}/delete`,
    form: () => ({}),
  },
  'POST /pages/:id{[0-9]+}/restore': {
    access: 'contentEditors',
    path: async () => `/admin/pages/${await othersPost('page')}/restore`,
    form: () => ({}),
  },
  'POST /pages/:id{[0-9]+}/revisions/:revisionId{[0-9]+}/restore': {
    access: 'contentEditors',
    path: async () => {
      const id = await othersPost('page')
      const [revision] = await db
        .select({ id: postRevisions.id })
        .from(postRevisions)
        .where(eq(postRevisions.postId, id))
      return `/admin/pages/${id}/revisions/${revision.id}/restore`
    },
    form: () => ({}),
  },
  // Follow by email: the subscribers (features/subscriptions).
  'GET /subscribers': { access: 'contentEditors' },
  'GET /subscribers/export.csv': { access: 'contentEditors' },
  'POST /subscribers/:id{[0-9]+}/delete': {
    access: 'contentEditors',
    path: async () => {
      const [row] = await db
        .insert(subscribers)
        .values({
          email: `reader-${crypto.randomUUID()}@blog.example`,
          token: crypto.randomUUID(),
          createdAt: new Date(),
        })
        .returning({ id: subscribers.id })
      return `/admin/subscribers/${row.id}/delete`
    },
    form: () => ({}),
  },
  'POST /subscribers/import': { access: 'contentEditors', form: () => ({ consent: '' }) },
  'POST /subscribers/settings': {
    access: 'contentEditors',
    form: () => ({ emailPosts: 'on', fullPost: 'on', dailyCap: '3000' }),
  },
  // Comments: moderated by the owner and editors; their settings are the owner's.
  'GET /comments': { access: 'contentEditors' },
  'POST /comments/bulk': {
    access: 'contentEditors',
    form: async () => ({ action: 'spam', ids: [String(await aComment())] }),
  },
  'POST /comments/:id{[0-9]+}/:action{approve|spam|delete}': {
    access: 'contentEditors',
    path: async () => `/admin/comments/${await aComment()}/approve`,
    form: () => ({}),
  },
  'POST /comments/:id{[0-9]+}/reply': {
    access: 'contentEditors',
    path: async () => `/admin/comments/${await aComment()}/reply`,
    form: () => ({ reply: 'Thanks.' }),
  },
  'POST /comments/settings': {
    access: 'owner',
    form: () => ({ moderation: 'first', closeAfterDays: '0', blockList: '' }),
  },
  // The link in a reply email: whoever holds it, no session.
  'GET /comments/unsubscribe/:id/:signature': { access: 'public', path: unsubscribePath },
  'POST /comments/unsubscribe/:id/:signature': {
    access: 'public',
    path: unsubscribePath,
    form: () => ({}),
  },

  // The owner's.
  'GET /settings': { access: 'owner' },
  'POST /settings': { access: 'owner', form: () => ({}) },
  'GET /navigation': { access: 'owner' },
  'POST /navigation/:menu/links': {
    access: 'owner',
    path: async () => '/admin/navigation/footer/links',
    form: () => ({ label: '', address: '' }),
  },
  'POST /navigation/:menu/links/:id': {
    access: 'owner',
    path: async () => '/admin/navigation/header/links/no-such-link',
    form: () => ({ label: '', address: '' }),
  },
  'POST /navigation/:menu/links/:id/move': {
    access: 'owner',
    path: async () => '/admin/navigation/header/links/no-such-link/move',
    form: () => ({ direction: 'up' }),
  },
  'POST /navigation/:menu/links/:id/remove': {
    access: 'owner',
    path: async () => '/admin/navigation/header/links/no-such-link/remove',
    form: () => ({}),
  },
  'POST /navigation/:menu/order': {
    access: 'owner',
    path: async () => '/admin/navigation/header/order',
    form: () => ({}),
  },
  'GET /users': { access: 'owner' },
  'POST /users': { access: 'owner', form: () => ({}) },
  'POST /users/invitations': { access: 'owner', form: () => ({}) },
  'POST /users/invitations/:id{[0-9]+}/revoke': {
    access: 'owner',
    path: async () => {
      const { invitation } = await createInvitation(db, {
        email: `invited-${crypto.randomUUID()}@blog.example`,
        role: 'contributor',
        invitedBy: accounts.owner,
      })
      return `/admin/users/invitations/${invitation.id}/revoke`
    },
    form: () => ({}),
  },
  'POST /users/:id{[0-9]+}/recovery': {
    access: 'owner',
    path: async () => `/admin/users/${await anotherAccount()}/recovery`,
    form: () => ({}),
  },
  'POST /users/:id{[0-9]+}/role': {
    access: 'owner',
    path: async () => `/admin/users/${await anotherAccount()}/role`,
    form: () => ({ role: 'author' }),
  },
  'POST /users/:id{[0-9]+}/disable': {
    access: 'owner',
    path: async () => `/admin/users/${await anotherAccount()}/disable`,
    form: () => ({}),
  },
  'POST /users/:id{[0-9]+}/enable': {
    access: 'owner',
    path: async () => `/admin/users/${await anotherAccount()}/enable`,
    form: () => ({}),
  },
  'POST /users/:id{[0-9]+}/delete': {
    access: 'owner',
    path: async () => `/admin/users/${await anotherAccount()}/delete`,
    form: () => ({}),
  },
  'GET /import': { access: 'owner' },
  'POST /import': { access: 'owner', form: () => ({}) },
  'GET /import/export.zip': { access: 'owner' },
  'GET /import/:id': { access: 'owner', path: async () => '/admin/import/no-such-job' },
  'POST /import/:id/run': {
    access: 'owner',
    path: async () => '/admin/import/no-such-job/run',
    form: () => ({}),
  },
  'POST /import/:id/retry': {
    access: 'owner',
    path: async () => '/admin/import/no-such-job/retry',
    form: () => ({}),
  },
  'POST /import/:id/cancel': {
    access: 'owner',
    path: async () => '/admin/import/no-such-job/cancel',
    form: () => ({}),
  },
  'GET /audit': { access: 'owner' },
  'GET /outbox': { access: 'owner', local: true },
  'GET /outbox/:file{[0-9]+\\.eml}': {
    access: 'owner',
    local: true,
    path: async () => '/admin/outbox/999.eml',
  },
}

/** Each method and path the admin answers, from its route table (middleware left out). */
function routeTable(): string[] {
  const keys = adminRoutes.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => `${route.method} ${route.path}`)
  return [...new Set(keys)].sort()
}

function allowed(access: Access, role: UserRole | null): boolean {
  if (access === 'public') return true
  if (role === null) return false
  if (access === 'signedIn') return true
  if (access === 'publishers') return role !== 'contributor'
  if (access === 'contentEditors') return role === 'owner' || role === 'editor'
  return role === 'owner'
}

/** A session of its own for each request, made without the login form: a logout ends only it. */
async function sessionCookie(userId: number) {
  const token = await newSessionToken(env.AUTH_PEPPER)
  await createSession(db, await sha256Hex(token), userId)
  return `__Host-session=${token}`
}

async function send(key: string, route: RouteCase, role: UserRole | null) {
  const [method, pattern] = key.split(' ')
  const path = route.path ? await route.path() : `/admin${pattern === '/' ? '' : pattern}`
  const cookie = role ? await sessionCookie(accounts[role]) : undefined
  const form = method === 'POST' ? await (route.form ?? (() => ({})))() : undefined
  const request = testRequest(path, { method, cookie, form })
  const sent = route.local
    ? new Request(request.url.replace('https://blog.example', 'http://localhost'), request)
    : request
  const response = await exports.default.fetch(sent)
  await response.body?.cancel()
  return response.status
}

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  for (const role of USER_ROLES)
    accounts[role] = (await createEditor(`${role}@blog.example`, role)).id
  // Everyone signs as the fixture's author, as each person does with the profile made at joining.
  await db.update(users).set({ authorId: ids.author.id })
  editorId = accounts.editor
})

describe('every admin route, for every role', () => {
  it('has an expected access for each route in the table, and none for routes gone', () => {
    expect(routeTable()).toEqual(Object.keys(ROUTES).sort())
  })

  for (const [key, route] of Object.entries(ROUTES)) {
    it(`${key}: ${route.access}`, async () => {
      for (const role of [...USER_ROLES, null]) {
        const status = await send(key, route, role)
        const who = role ?? 'nobody signed in'
        if (allowed(route.access, role)) {
          expect(status, `${key} as ${who}`).not.toBe(403)
          expect(status, `${key} as ${who}`).toBeLessThan(500)
          if (route.access !== 'public') expect(status, `${key} as ${who}`).not.toBe(401)
        } else if (role === null) {
          // Pages send to the login form; anything else is refused with 401.
          expect([303, 401], `${key} as ${who}`).toContain(status)
        } else {
          expect(status, `${key} as ${who}`).toBe(403)
        }
      }
    })
  }
})
