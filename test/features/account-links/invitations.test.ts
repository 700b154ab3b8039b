import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../../src/index'
import { authors, invitations, users } from '../../../src/db/schema'
import {
  INVITATION_TTL_MS,
  createInvitation,
} from '../../../src/features/account-links/invitations'
import { auditTrail } from '../../audit-helpers'
import { ORIGIN, createEditor, logIn, request, sessionCookieFrom } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { emlText, header, linkIn, localRequest, outboxEntries, parseMail } from '../../mail-helpers'

const NEW_PASSWORD = 'a brand new passphrase'
let owner: string
let ownerId: number

beforeAll(async () => {
  await createAuthorAndCategories()
  ownerId = (await createEditor('owner@blog.example', 'owner')).id
  owner = await logIn('owner@blog.example')
})

/** The link the users page shows to copy after an invitation. */
function shownLink(html: string): string {
  const link = /<input type="text" readonly="" value="([^"]+)" class="copy-link"/.exec(html)?.[1]
  expect(link, 'no link to copy').toBeDefined()
  return link!
}

const pathOf = (link: string) => new URL(link).pathname

async function invite(email: string, role = 'editor') {
  const response = await request('/admin/users/invitations', {
    cookie: owner,
    form: { email, role },
  })
  expect(response.status).toBe(200)
  return shownLink(await response.text())
}

function join(path: string, name = 'Nina', password = NEW_PASSWORD) {
  return request(path, { form: { name, password, repeatPassword: password } })
}

const accountsWith = async (email: string) =>
  (await db.select({ n: count() }).from(users).where(eq(users.email, email)))[0].n

describe('an invitation, locally', () => {
  it('goes to the outbox, and its link lets the invitee choose a name and password and be signed in', async () => {
    const made = await localRequest('/admin/users/invitations', {
      cookie: owner,
      form: { email: 'Nina@Blog.example', role: 'editor' },
    })
    expect(made.status).toBe(200)
    const page = await made.text()
    const link = shownLink(page)
    expect(link).toMatch(/^http:\/\/localhost\/admin\/join\/[A-Za-z0-9_-]{43}$/)
    expect(page).toContain('Kept in the local outbox')

    const [latest] = await outboxEntries(owner)
    expect(latest.row).toContain('nina@blog.example')
    expect(latest.row).toContain('Your invitation to Maison &amp; Hôte')
    const eml = await localRequest(latest.eml, { cookie: owner })
    const mail = parseMail(await emlText(eml))
    expect(header(mail, 'To')).toBe('nina@blog.example')
    expect(linkIn(mail, '/admin/join/')).toBe(link)
    expect(mail.parts[1].body).toContain(`href="${link}"`)

    const form = await localRequest(pathOf(link))
    expect(form.status).toBe(200)
    const formHtml = await form.text()
    expect(formHtml).toContain('You are invited as editor, with nina@blog.example.')
    expect(formHtml).toContain('name="password"')

    const joined = await localRequest(pathOf(link), {
      form: { name: 'Nina Perrin', password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD },
    })
    expect(joined.status).toBe(303)
    expect(joined.headers.get('Location')).toBe('/admin/posts')
    const cookie = sessionCookieFrom(joined)
    const posts = await localRequest('/admin/posts', { cookie })
    expect(posts.status).toBe(200)
    expect(await posts.text()).toContain('Log out (Nina Perrin)')

    const [nina] = await db.select().from(users).where(eq(users.email, 'nina@blog.example'))
    expect(nina).toMatchObject({ name: 'Nina Perrin', role: 'editor' })
    // The password chosen works at the login form too.
    await logIn('nina@blog.example', NEW_PASSWORD)

    expect(await auditTrail('nina@blog.example')).toEqual([
      { event: 'invitation_created', detail: 'editor', actorId: ownerId, userId: null },
      { event: 'invitation_used', detail: 'editor', actorId: ownerId, userId: nina.id },
      { event: 'sign_in', detail: 'invitation', actorId: null, userId: nina.id },
      { event: 'sign_in', detail: 'password', actorId: null, userId: nina.id },
    ])
  })
})

describe('an invitation link', () => {
  it('works until 7 days have passed, and then says it expired', async () => {
    const now = Date.now()
    const fresh = await createInvitation(
      db,
      { email: 'late@blog.example', role: 'editor', invitedBy: ownerId },
      now - INVITATION_TTL_MS + 60_000,
    )
    expect((await request(`/admin/join/${fresh.token}`)).status).toBe(200)

    const old = await createInvitation(
      db,
      { email: 'later@blog.example', role: 'editor', invitedBy: ownerId },
      now - INVITATION_TTL_MS - 60_000,
    )
    const expired = await request(`/admin/join/${old.token}`)
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('This invitation has expired')
    const posted = await join(`/admin/join/${old.token}`)
    expect(posted.status).toBe(410)
    expect(await accountsWith('later@blog.example')).toBe(0)
  })

  it('works once: used, it says so, and makes no second account', async () => {
    const path = pathOf(await invite('once@blog.example'))
    expect((await join(path)).status).toBe(303)
    const again = await request(path)
    expect(again.status).toBe(410)
    expect(await again.text()).toContain('This invitation has already been used')
    const reposted = await join(path, 'Impostor', 'another long password')
    expect(reposted.status).toBe(410)
    expect(reposted.headers.get('Set-Cookie')).toBeNull()
    const [account] = await db.select().from(users).where(eq(users.email, 'once@blog.example'))
    expect(account.name).toBe('Nina')
  })

  it('makes one account when two tabs send the form at once', async () => {
    const path = pathOf(await invite('twice@blog.example'))
    const statuses = (await Promise.all([join(path), join(path), join(path)])).map((r) => r.status)
    expect(statuses.sort()).toEqual([303, 410, 410])
    expect(await accountsWith('twice@blog.example')).toBe(1)
  })

  it('can be revoked by the owner, and then says so', async () => {
    const path = pathOf(await invite('revoked@blog.example', 'owner'))
    const [pending] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.email, 'revoked@blog.example'))
    const users = await (await request('/admin/users', { cookie: owner })).text()
    expect(users).toContain(`/admin/users/invitations/${pending.id}/revoke`)

    const revoked = await request(`/admin/users/invitations/${pending.id}/revoke`, {
      cookie: owner,
      form: {},
    })
    expect(revoked.status).toBe(303)
    const page = await request(path)
    expect(page.status).toBe(410)
    expect(await page.text()).toContain('This invitation was revoked')
    expect((await join(path)).status).toBe(410)
    expect(await accountsWith('revoked@blog.example')).toBe(0)
    // Revoked already: there is nothing left to revoke.
    const twice = await request(`/admin/users/invitations/${pending.id}/revoke`, {
      cookie: owner,
      form: {},
    })
    expect(twice.status).toBe(404)
    expect(await auditTrail('revoked@blog.example')).toEqual([
      { event: 'invitation_created', detail: 'owner', actorId: ownerId, userId: null },
      { event: 'invitation_revoked', detail: 'owner', actorId: ownerId, userId: null },
    ])
  })

  it('is replaced by a new invitation to the same address', async () => {
    const first = pathOf(await invite('again@blog.example'))
    const second = pathOf(await invite('again@blog.example'))
    expect((await request(first)).status).toBe(410)
    expect((await request(second)).status).toBe(200)
  })

  it('says so when the address got an account meanwhile, and stays unused', async () => {
    const path = pathOf(await invite('taken@blog.example'))
    await createEditor('taken@blog.example')
    const response = await join(path)
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('An account already uses this address')
    const [invitation] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.email, 'taken@blog.example'))
    expect(invitation.usedAt).toBeNull()
  })

  it('answers 404 for a token nobody was given', async () => {
    expect((await request(`/admin/join/${'x'.repeat(43)}`)).status).toBe(404)
    expect((await request('/admin/join/short')).status).toBe(404)
  })

  it('asks again for a name and a long enough password, keeping the name', async () => {
    const path = pathOf(await invite('careful@blog.example'))
    const short = await request(path, {
      form: { name: 'Zoé', password: 'short', repeatPassword: 'short' },
    })
    expect(short.status).toBe(422)
    const html = await short.text()
    expect(html).toContain('Use at least 12 characters.')
    expect(html).toContain('value="Zoé"')
    const unnamed = await join(path, '  ')
    expect(unnamed.status).toBe(422)
    expect(await accountsWith('careful@blog.example')).toBe(0)
  })
})

describe('the Invite form on /admin/users', () => {
  it('offers the roles that exist and is for the owner only', async () => {
    const html = await (await request('/admin/users', { cookie: owner })).text()
    const form = /<form method="post" action="\/admin\/users\/invitations"[\s\S]*?<\/form>/.exec(
      html,
    )![0]
    expect(
      [...form.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)</g)].map((m) => m.slice(1)),
    ).toEqual([
      ['owner', 'Owner'],
      ['editor', 'Editor'],
      ['author', 'Author'],
      ['contributor', 'Contributor'],
    ])
    expect(form).toContain('>Invite</button>')

    await createEditor('plain@blog.example')
    const editor = await logIn('plain@blog.example')
    const refused = await request('/admin/users/invitations', {
      cookie: editor,
      form: { email: 'friend@blog.example', role: 'owner' },
    })
    expect(refused.status).toBe(403)
    expect(
      await db.select().from(invitations).where(eq(invitations.email, 'friend@blog.example')),
    ).toEqual([])
  })

  it('refuses an address already in use, or one that would carry another header', async () => {
    for (const email of [
      'owner@blog.example',
      'x@blog.example\r\nBcc: eve@evil.example',
      '"eve"@evil.example',
    ]) {
      const response = await request('/admin/users/invitations', {
        cookie: owner,
        form: { email, role: 'editor' },
      })
      expect(response.status, email).toBe(422)
    }
  })

  it('deployed without email, shows the link to copy and says it was not sent', async () => {
    const response = await request('/admin/users/invitations', {
      cookie: owner,
      form: { email: 'offline@blog.example', role: 'editor' },
    })
    const html = await response.text()
    expect(shownLink(html)).toMatch(/^https:\/\/blog\.example\/admin\/join\//)
    expect(html).toContain('Email is not set up on this blog')
  })

  /** The invitation form sent to the Worker with other settings. */
  async function inviteWith(settings: Partial<Env>, email: string) {
    const ctx = createExecutionContext()
    const response = await app.fetch(
      new Request(`${ORIGIN}/admin/users/invitations`, {
        method: 'POST',
        body: new URLSearchParams({ email, role: 'editor' }),
        headers: {
          Cookie: owner,
          Origin: ORIGIN,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      }),
      { ...env, ...settings },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    return response
  }

  it('with Email Service bound, sends the invitation and says so', async () => {
    const response = await inviteWith({ EMAIL: env.TEST_EMAIL }, 'mailed@blog.example')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('It was also emailed to mailed@blog.example.')
  })

  it('still shows the link when the message cannot be sent', async () => {
    const response = await inviteWith(
      { EMAIL: env.TEST_EMAIL, MAIL_FROM: 'not an address' },
      'unlucky@blog.example',
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(shownLink(html)).toMatch(/\/admin\/join\//)
    expect(html).toContain('The email could not be sent: send the link yourself.')
  })
})

describe('a new member of the team', () => {
  it('writes under an author profile of their own, made when an author or contributor joins', async () => {
    const first = pathOf(await invite('writer@blog.example', 'contributor'))
    const joined = await join(first, 'Léa Dubois')
    expect(joined.status).toBe(303)
    const cookie = sessionCookieFrom(joined)
    const [lea] = await db.select().from(users).where(eq(users.email, 'writer@blog.example'))
    const [profile] = await db.select().from(authors).where(eq(authors.id, lea.authorId!))
    expect(profile).toMatchObject({ name: 'Léa Dubois', slug: 'lea-dubois' })

    // Their byline is the only one the post form offers them.
    const form = await (await request('/admin/posts/new', { cookie })).text()
    const options = [...form.matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)].filter(
      ([option]) => form.indexOf(option) > form.indexOf('name="authorId"'),
    )
    expect(options.map(([, id, name]) => [Number(id), name])).toEqual([[profile.id, 'Léa Dubois']])

    // A namesake gets a slug of their own.
    expect(
      (await join(pathOf(await invite('namesake@blog.example', 'author')), 'Léa Dubois')).status,
    ).toBe(303)
    const [namesake] = await db.select().from(users).where(eq(users.email, 'namesake@blog.example'))
    const [second] = await db.select().from(authors).where(eq(authors.id, namesake.authorId!))
    expect(second.slug).toBe('lea-dubois-2')

    // An editor signs as any author: no public author page is made for them.
    expect((await join(pathOf(await invite('editor-lea@blog.example')), 'Léa Dubois')).status).toBe(
      303,
    )
    const [editor] = await db.select().from(users).where(eq(users.email, 'editor-lea@blog.example'))
    expect(editor.authorId).toBeNull()
    expect(await db.select().from(authors).where(eq(authors.name, 'Léa Dubois'))).toHaveLength(2)
  })
})
