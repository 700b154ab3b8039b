import { desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { mailOutbox } from '../../../src/db/schema'
import { createMailer } from '../../../src/lib/mail'
import { createEditor, logIn, request } from '../../admin-helpers'
import { db } from '../../fixtures'
import { emlText, localRequest, outboxEntries } from '../../mail-helpers'

let owner: string
let editor: string

const localMailer = createMailer({
  settings: { SITE_NAME: 'Maison & Hôte', MAIL_FROM: '' },
  db,
  siteUrl: 'http://localhost:8787',
  local: true,
})

async function send(to: string, subject: string) {
  await localMailer.sendMail({ to, subject, text: 'Hello', html: '<p>Hello</p>', language: 'en' })
}

beforeAll(async () => {
  await createEditor('owner@blog.example', 'owner')
  await createEditor('editor@blog.example')
  owner = await logIn('owner@blog.example')
  editor = await logIn('editor@blog.example')
  await send('first@blog.example', 'The first message')
  await send('second@blog.example', 'Le second message, « accentué »')
})

describe('/admin/outbox, locally', () => {
  it('lists the messages newest first, with recipient, subject and a link to the .eml', async () => {
    const entries = await outboxEntries(owner)
    expect(entries.map((entry) => entry.row.match(/<td data-label="To">([^<]+)/)?.[1])).toEqual([
      'second@blog.example',
      'first@blog.example',
    ])
    expect(entries[0].row).toContain('Le second message, « accentué »')
    expect(entries[0].row).toContain(`href="${entries[0].eml}"`)
  })

  it('serves each message exactly as sent', async () => {
    const [latest] = await outboxEntries(owner)
    const [row] = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(1)
    const response = await localRequest(latest.eml, { cookie: owner })
    expect(await emlText(response)).toBe(row.raw)
    expect(row.raw).toMatch(/^From: .*\r\nTo: second@blog\.example\r\n/)
  })

  it('answers 404 for a message that does not exist or an address that is no id', async () => {
    expect((await localRequest('/admin/outbox/999999.eml', { cookie: owner })).status).toBe(404)
    expect((await localRequest('/admin/outbox/abc.eml', { cookie: owner })).status).toBe(404)
    expect((await localRequest('/admin/outbox/0.eml', { cookie: owner })).status).toBe(404)
  })

  it('is the owner’s: signed out goes to the login form, an editor is refused', async () => {
    const signedOut = await localRequest('/admin/outbox')
    expect(signedOut.status).toBe(303)
    expect(signedOut.headers.get('Location')).toBe('/admin?next=%2Fadmin%2Foutbox')
    const [latest] = await outboxEntries(owner)
    expect((await localRequest('/admin/outbox', { cookie: editor })).status).toBe(403)
    const refused = await localRequest(latest.eml, { cookie: editor })
    expect(refused.status).toBe(403)
    expect(await refused.text()).not.toContain('second@blog.example')
  })
})

describe('/admin/outbox, deployed', () => {
  it('does not exist, for the owner either, nor its messages', async () => {
    const [latest] = await outboxEntries(owner)
    const page = await request('/admin/outbox', { cookie: owner })
    expect(page.status).toBe(404)
    expect(await page.text()).not.toContain('first@blog.example')
    expect((await request(latest.eml, { cookie: owner })).status).toBe(404)
    expect((await request('/admin/outbox')).status).toBe(404)
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, latest.id))
    expect(row).toBeDefined()
  })
})
