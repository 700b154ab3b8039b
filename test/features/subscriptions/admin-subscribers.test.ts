import { exports } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { subscriberErasures, subscribers } from '../../../src/db/schema'
import { createEditor, logIn, ORIGIN } from '../../admin-helpers'
import { db } from '../../fixtures'
import { confirmedSubscriber, subscribeFrom } from './helpers'

let owner: string
let editor: string

beforeAll(async () => {
  await createEditor('owner@blog.example', 'owner')
  await createEditor('editor@blog.example', 'editor')
  owner = await logIn('owner@blog.example')
  editor = await logIn('editor@blog.example')
  await confirmedSubscriber('one@readers.example', '192.0.2.41')
  await confirmedSubscriber('two@readers.example', '192.0.2.42')
  await subscribeFrom('192.0.2.43', 'waiting@readers.example')
  const gone = await confirmedSubscriber('gone@readers.example', '192.0.2.44')
  await db.update(subscribers).set({ state: 'unsubscribed' }).where(eq(subscribers.id, gone.id))
})

const adminGet = (path: string, cookie = owner) =>
  exports.default.fetch(`${ORIGIN}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' })

function adminPost(path: string, body: FormData | URLSearchParams, cookie = owner) {
  return exports.default.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN },
    body,
    redirect: 'manual',
  })
}

const countNextTo = (html: string, label: string) =>
  Number(new RegExp(`<dt>${label}</dt> <dd[^>]*>(\\d+)</dd>`).exec(html)?.[1])

// Several round trips through D1 and the queue each: slow when the machine is busy.
describe('/admin/subscribers', { timeout: 30_000 }, () => {
  it('shows the counts as text next to Pending, Confirmed and Unsubscribed, to editors too', async () => {
    const response = await adminGet('/admin/subscribers', editor)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(countNextTo(html, 'Pending')).toBe(1)
    expect(countNextTo(html, 'Confirmed')).toBe(2)
    expect(countNextTo(html, 'Unsubscribed')).toBe(1)
  })

  it('searches by address', async () => {
    const html = await (await adminGet('/admin/subscribers?q=two%40')).text()
    expect(html).toContain('two@readers.example')
    expect(html).not.toContain('one@readers.example')
  })

  it('erases a subscriber: the address is gone, only an anonymous count is kept', async () => {
    await subscribeFrom('192.0.2.45', 'erase-me@readers.example')
    const [row] = await db
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'erase-me@readers.example'))
    const response = await adminPost(`/admin/subscribers/${row.id}/delete`, new URLSearchParams())
    expect(response.status).toBe(303)
    expect(await db.select().from(subscribers).where(eq(subscribers.id, row.id))).toEqual([])
    const erasures = await db.select().from(subscriberErasures)
    expect(erasures.reduce((sum, day) => sum + day.count, 0)).toBe(1)
    expect(JSON.stringify(erasures)).not.toContain('erase-me')
  })

  it('exports the subscribers with their consent records as CSV', async () => {
    const response = await adminGet('/admin/subscribers/export.csv')
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await response.text()).trim().split('\r\n')
    expect(lines[0]).toBe(
      'email,state,language,created_at,confirmed_at,consent_source,consent_version,consent_text,unsubscribed_at',
    )
    const one = lines.find((line) => line.startsWith('one@readers.example,'))!
    expect(one).toMatch(
      /^one@readers\.example,confirmed,en,\d{4}-.*Z,\d{4}-.*Z,form,\d{4}-\d{2}-\d{2},/,
    )
    expect(one).toContain('New posts will be emailed to this address')
  })

  it('imports Mailchimp, Ghost and Substack exports: confirmed only when the owner ticks consent', async () => {
    const mailchimp =
      'Email Address,First Name,Last Name\r\nmc-one@readers.example,Ann,B\r\n"MC-Two@Readers.example",C,D\r\nnot-an-address,E,F\r\none@readers.example,G,H\r\n'
    const form = new FormData()
    form.set('file', new File([mailchimp], 'mailchimp.csv', { type: 'text/csv' }))
    form.set('consent', 'on')
    const imported = await adminPost('/admin/subscribers/import', form)
    expect(imported.status).toBe(303)
    expect(imported.headers.get('Location')).toBe('/admin/subscribers?imported=2.2')
    const [mcOne] = await db
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'mc-one@readers.example'))
    expect(mcOne).toMatchObject({ state: 'confirmed', consentSource: 'import' })
    expect(mcOne.consentText).toContain('I hold these readers’ consent')
    expect(mcOne.confirmedAt).toBeInstanceOf(Date)
    // The one already there is left as it was.
    const [one] = await db
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'one@readers.example'))
    expect(one.consentSource).toBe('form')

    const ghost =
      'id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at\n1,ghost-yes@readers.example,Y,,true,,,2024-01-01\n2,ghost-no@readers.example,N,,false,,,2024-01-01\n'
    const withoutConsent = new FormData()
    withoutConsent.set('file', new File([ghost], 'ghost.csv', { type: 'text/csv' }))
    await adminPost('/admin/subscribers/import', withoutConsent)
    const [yes] = await db
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'ghost-yes@readers.example'))
    expect(yes.state).toBe('pending')
    expect(yes.consentSource).toBeNull()
    expect(
      await db.select().from(subscribers).where(eq(subscribers.email, 'ghost-no@readers.example')),
    ).toEqual([])

    const substack = 'email,active_subscription,expiry,plan\nsub@readers.example,false,,free\n'
    const third = new FormData()
    third.set('file', new File([substack], 'substack.csv', { type: 'text/csv' }))
    third.set('consent', 'on')
    await adminPost('/admin/subscribers/import', third)
    const [sub] = await db
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'sub@readers.example'))
    expect(sub.state).toBe('confirmed')
  })

  it('keeps the email settings, and the post form’s box follows them', async () => {
    const newPost = await (await adminGet('/admin/posts/new')).text()
    expect(newPost).toMatch(/<input type="checkbox" name="emailSubscribers" value="on" checked=""/)
    const saved = await adminPost(
      '/admin/subscribers/settings',
      new URLSearchParams({ fullPost: 'on', dailyCap: '500' }),
    )
    expect(saved.status).toBe(303)
    const page = await (await adminGet('/admin/subscribers')).text()
    expect(page).toMatch(/name="emailPosts" value="on"\/>/)
    expect(page).toContain('value="500"')
    const unticked = await (await adminGet('/admin/posts/new')).text()
    expect(unticked).toMatch(/<input type="checkbox" name="emailSubscribers" value="on" aria/)
  })
})
