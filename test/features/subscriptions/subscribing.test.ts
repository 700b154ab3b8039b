import { env, exports } from 'cloudflare:workers'
import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { runHousekeeping } from '../../../src/app/scheduled'
import { subscribeAttempts, subscribers } from '../../../src/db/schema'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'
import { LOCAL_ORIGIN } from '../../mail-helpers'
import {
  confirmationLink,
  confirmedSubscriber,
  localPost,
  mailsTo,
  subscribeFrom,
  until,
} from './helpers'

const rowsFor = (email: string) => db.select().from(subscribers).where(eq(subscribers.email, email))

const get = (path: string) =>
  exports.default.fetch(`${LOCAL_ORIGIN}${path}`, { redirect: 'manual' })

let postSlug: string

beforeAll(async () => {
  const ids = await createAuthorAndCategories()
  await createPublishedPosts(1, ids.author.id, [ids.essays.id])
  postSlug = 'post-1'
})

// Several round trips through D1 and the queue each: slow when the machine is busy.
describe('the Get new posts by email form', { timeout: 30_000 }, () => {
  it('is at the end of every post and on /subscribe, a plain form with no cookie anywhere', async () => {
    for (const path of [`/posts/${postSlug}`, '/subscribe']) {
      const response = await get(path)
      expect(response.status, path).toBe(200)
      const html = await response.text()
      expect(html).toContain('Get new posts by email')
      expect(html).toMatch(/<form class="subscribe-form" method="post" action="\/subscribe"/)
      expect(html).toContain('name="email"')
      expect(response.headers.get('Set-Cookie'), path).toBeNull()
    }
    const answered = await subscribeFrom('203.0.113.1', 'nocookie@readers.example')
    expect(answered.headers.get('Set-Cookie')).toBeNull()
    const link = await confirmationLink('nocookie@readers.example')
    for (const path of [new URL(link).pathname, '/unsubscribe/some-token']) {
      const response = await get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('Set-Cookie'), path).toBeNull()
      expect(await response.text()).toMatch(
        /<form method="post" action="[^"]+"><button type="submit">/,
      )
    }
  })

  it('answers htmx with the form alone, and a plain post with the page', async () => {
    const fragment = await localPost(
      '/subscribe',
      { email: 'htmx@readers.example' },
      { 'HX-Request': 'true', 'CF-Connecting-IP': '203.0.113.2' },
    )
    const html = await fragment.text()
    expect(html.startsWith('<form class="subscribe-form"')).toBe(true)
    expect(html).toContain('a message to confirm it is on its way')
  })

  it('refuses an address that is none, keeping what was typed', async () => {
    const response = await subscribeFrom('203.0.113.3', 'not an address<b>')
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('This is not an email address.')
    expect(html).toContain('value="not an address&lt;b&gt;"')
    expect(await rowsFor('not an address<b>')).toEqual([])
  })

  it('makes one subscriber per address, says the same each time, and keeps a confirmed one', async () => {
    const email = 'twice@readers.example'
    const first = await (await subscribeFrom('203.0.113.4', email)).text()
    const again = await (await subscribeFrom('203.0.113.4', 'Twice@Readers.example ')).text()
    expect(again).toBe(first)
    expect(await rowsFor(email)).toHaveLength(1)
    await confirmedSubscriber('kept@readers.example', '203.0.113.5')
    const [before] = await rowsFor('kept@readers.example')
    const confirmations = (await mailsTo('kept@readers.example', 'Confirm')).length
    const third = await (await subscribeFrom('203.0.113.4', 'kept@readers.example')).text()
    expect(third).toBe(first)
    const [after] = await rowsFor('kept@readers.example')
    expect(after.state).toBe('confirmed')
    expect(after.confirmedAt).toEqual(before.confirmedAt)
    expect(after.token).toBe(before.token)
    // A confirmed reader is not sent another confirmation.
    expect((await mailsTo('kept@readers.example', 'Confirm')).length).toBe(confirmations)
  })

  it('records the time and the consent wording when the link is followed', async () => {
    const row = await confirmedSubscriber('consent@readers.example', '203.0.113.6')
    expect(row.confirmedAt).toBeInstanceOf(Date)
    expect(row.consentSource).toBe('form')
    expect(row.consentVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(row.consentText).toContain('New posts will be emailed to this address')
  })

  it('refuses a link that was changed or is past 48 hours', async () => {
    await subscribeFrom('203.0.113.7', 'late@readers.example')
    const link = new URL(await confirmationLink('late@readers.example')).pathname
    const tampered = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    expect((await localPost(tampered, {})).status).toBe(400)
    // The link of 49 hours ago: its expiry is part of what is signed.
    const [id, expiry, signature] = link.split('/').pop()!.split('.')
    const older = `/subscribe/confirm/${id}.${(parseInt(expiry, 36) - 49 * 3_600_000).toString(36)}.${signature}`
    expect((await localPost(older, {})).status).toBe(400)
    expect((await rowsFor('late@readers.example'))[0].state).toBe('pending')
  })

  it('limits how often one client may ask, keyed by a daily-salted hash, never the address', async () => {
    for (let i = 0; i < 10; i++)
      expect((await subscribeFrom('203.0.113.99', `limit-${i}@readers.example`)).status).toBe(200)
    const refused = await subscribeFrom('203.0.113.99', 'limit-10@readers.example')
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('value="limit-10@readers.example"')
    expect(await rowsFor('limit-10@readers.example')).toEqual([])
    expect((await subscribeFrom('203.0.113.98', 'limit-10@readers.example')).status).toBe(200)
    const stored = await db.select().from(subscribeAttempts)
    expect(stored.some((row) => row.count === 10)).toBe(true)
    expect(JSON.stringify(stored)).not.toContain('203.0.113')
  })
})

// Several round trips through D1 and the queue each: slow when the machine is busy.
describe('unsubscribing', { timeout: 30_000 }, () => {
  it('works by one-click POST with no cookie and no Origin, answering 200', async () => {
    const row = await confirmedSubscriber('oneclick@readers.example', '203.0.113.10')
    const response = await exports.default.fetch(`${LOCAL_ORIGIN}/unsubscribe/${row.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    })
    expect(response.status).toBe(200)
    expect((await rowsFor(row.email))[0].state).toBe('unsubscribed')
  })

  it('works from the page’s button, and says the same for an unknown token', async () => {
    const row = await confirmedSubscriber('button@readers.example', '203.0.113.11')
    const page = await (await get(`/unsubscribe/${row.token}`)).text()
    const action = /<form method="post" action="([^"]+)">/.exec(page)![1]
    const done = await localPost(action, {})
    expect(done.status).toBe(200)
    const unknown = await localPost('/unsubscribe/no-such-token', {})
    expect(unknown.status).toBe(200)
    const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0]
    expect(main(await unknown.text())).toBe(main(await done.text()))
    expect((await rowsFor(row.email))[0].state).toBe('unsubscribed')
  })
})

// Several round trips through D1 and the queue each: slow when the machine is busy.
describe('housekeeping', { timeout: 30_000 }, () => {
  it('removes pending confirmations after 7 days, and nobody else', async () => {
    await subscribeFrom('203.0.113.12', 'expires@readers.example')
    await until(
      'the row',
      () => rowsFor('expires@readers.example'),
      (rows) => rows.length === 1,
    )
    await runHousekeeping(env, Date.now() + 6 * 86_400_000)
    expect(await rowsFor('expires@readers.example')).toHaveLength(1)
    await runHousekeeping(env, Date.now() + 8 * 86_400_000)
    expect(await rowsFor('expires@readers.example')).toEqual([])
    const [{ confirmed }] = await db
      .select({ confirmed: sql<number>`count(*)` })
      .from(subscribers)
      .where(eq(subscribers.state, 'confirmed'))
    expect(confirmed).toBeGreaterThan(0)
  })
})
