import { env } from 'cloudflare:workers'
import { count, desc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { mailOutbox } from '../../src/db/schema'
import { MailHeaderError, createMailer, type MailMessage } from '../../src/lib/mail'
import { db } from '../fixtures'
import { decodeWords, header, parseMail } from '../mail-helpers'

const SETTINGS = { SITE_NAME: 'Maison & Hôte', MAIL_FROM: 'blog@blog.example' }
const localMailer = (settings: Partial<Env> = {}) =>
  createMailer({
    settings: { ...SETTINGS, ...settings },
    db,
    siteUrl: 'http://localhost:8787',
    local: true,
  })

const MESSAGE: MailMessage = {
  to: 'nina@blog.example',
  subject:
    'Invitation à « Maison & Hôte » : rejoignez la rédaction, ce sujet est assez long pour être plié',
  text: `Bonjour Nina,\n\nVoici votre lien : https://blog.example/admin/join/${'a'.repeat(43)}\n\n${'Une ligne bien trop longue pour un seul morceau. '.repeat(6)}\nFin = fin.`,
  html: '<p>Bonjour <b>Nina</b>, voici <a href="https://blog.example/admin/join/x">votre lien</a>.</p>',
  headers: { 'Auto-Submitted': 'auto-generated' },
  language: 'fr',
}

async function lastRaw() {
  const [row] = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(1)
  return row.raw
}

const outboxSize = async () => (await db.select({ n: count() }).from(mailOutbox))[0].n

describe('a message as sent', () => {
  it('is RFC 5322 with MIME: CRLF, From, To, Date, Message-ID, encoded subject, both bodies', async () => {
    const before = Date.now()
    const sent = await localMailer().sendMail(MESSAGE)
    expect(sent).toMatchObject({ delivered: false, kept: true })
    const raw = await lastRaw()
    const mail = parseMail(raw)

    expect(decodeWords(header(mail, 'From'))).toBe('Maison & Hôte <blog@blog.example>')
    expect(header(mail, 'To')).toBe('nina@blog.example')
    const date = header(mail, 'Date')
    expect(date).toMatch(
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/,
    )
    expect(Date.parse(date)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(Date.parse(date)).toBeLessThanOrEqual(Date.now())
    expect(header(mail, 'Message-ID')).toMatch(/^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@blog\.example>$/)
    expect(header(mail, 'Message-ID')).toBe(sent.messageId)
    expect(header(mail, 'MIME-Version')).toBe('1.0')
    expect(header(mail, 'Content-Language')).toBe('fr')
    expect(header(mail, 'Auto-Submitted')).toBe('auto-generated')
    expect(header(mail, 'Content-Type')).toMatch(/^multipart\/alternative; boundary="[^"]+"$/)

    // Non-ASCII subjects are RFC 2047 words, folded so that no header line passes 78 characters.
    expect(header(mail, 'Subject')).toMatch(/^=\?UTF-8\?B\?/)
    expect(decodeWords(header(mail, 'Subject'))).toBe(MESSAGE.subject)
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'))
    for (const line of head.split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(78)

    expect(mail.parts.map((part) => part.headers.get('content-type')?.[0])).toEqual([
      'text/plain; charset=utf-8',
      'text/html; charset=utf-8',
    ])
    expect(mail.parts[0].body).toBe(MESSAGE.text.replace(/\n/g, '\r\n'))
    expect(mail.parts[1].body).toBe(MESSAGE.html)
  })

  it('gives every message its own Message-ID', async () => {
    const mailer = localMailer()
    const ids = new Set()
    for (let i = 0; i < 5; i++) ids.add((await mailer.sendMail(MESSAGE)).messageId)
    expect(ids.size).toBe(5)
  })

  it('sends ASCII subjects as they are, and writes from noreply@ the site without MAIL_FROM', async () => {
    await localMailer({ MAIL_FROM: '', SITE_NAME: 'Plain "Blog"' }).sendMail({
      ...MESSAGE,
      subject: 'Your invitation',
    })
    const mail = parseMail(await lastRaw())
    expect(header(mail, 'Subject')).toBe('Your invitation')
    expect(header(mail, 'From')).toBe('"Plain \\"Blog\\"" <noreply@localhost>')
  })
})

describe('header injection', () => {
  const hostile: [string, Partial<MailMessage>, Partial<Env>?][] = [
    ['a second header after the recipient', { to: 'nina@blog.example\r\nBcc: eve@evil.example' }],
    ['a bare LF after the recipient', { to: 'nina@blog.example\nBcc: eve@evil.example' }],
    ['a second recipient', { to: 'nina@blog.example, eve@evil.example' }],
    ['a display name in the recipient', { to: 'Eve <eve@evil.example>' }],
    ['a header after the subject', { subject: 'Hello\r\nBcc: eve@evil.example' }],
    ['a bare CR in the subject', { subject: 'Hello\rBcc: eve@evil.example' }],
    ['a line break in an extra header', { headers: { 'X-Tag': 'a\r\nBcc: eve@evil.example' } }],
    ['a field the module writes itself', { headers: { Bcc: 'eve@evil.example' } }],
    ['a second From', { headers: { from: 'eve@evil.example' } }],
    ['a field name with a space', { headers: { 'X Tag': 'x' } }],
    ['a field name with a line break', { headers: { 'X-Tag\r\nBcc': 'x' } }],
    ['a header after the language', { language: 'fr\r\nBcc: eve@evil.example' }],
    ['a line break in the site name', {}, { SITE_NAME: 'Blog\r\nBcc: eve@evil.example' }],
  ]
  it.each(hostile)('refuses %s, and nothing is sent or kept', async (_, message, settings) => {
    const before = await outboxSize()
    await expect(localMailer(settings).sendMail({ ...MESSAGE, ...message })).rejects.toThrow(
      MailHeaderError,
    )
    expect(await outboxSize()).toBe(before)
  })

  it('keeps header-like lines of a body in the body', async () => {
    await localMailer().sendMail({ ...MESSAGE, text: 'Hi\r\n\r\nBcc: eve@evil.example\r\n' })
    const mail = parseMail(await lastRaw())
    expect(mail.headers.has('bcc')).toBe(false)
    expect(mail.parts[0].body).toContain('Bcc: eve@evil.example')
  })
})

describe('where messages go', () => {
  it('nowhere when deployed without EMAIL: the mailer says it is unavailable', async () => {
    const mailer = createMailer({
      settings: SETTINGS,
      db,
      siteUrl: 'https://blog.example',
      local: false,
    })
    expect(mailer.available).toBe(false)
    const before = await outboxSize()
    expect(await mailer.sendMail(MESSAGE)).toMatchObject({ delivered: false, kept: false })
    expect(await outboxSize()).toBe(before)
  })

  it('through the EMAIL binding when bound, which accepts the message as it is', async () => {
    const mailer = createMailer({
      settings: { ...SETTINGS, EMAIL: env.TEST_EMAIL },
      db,
      siteUrl: 'https://blog.example',
      local: false,
    })
    expect(mailer.available).toBe(true)
    const before = await outboxSize()
    expect(await mailer.sendMail(MESSAGE)).toMatchObject({ delivered: true, kept: false })
    expect(await outboxSize()).toBe(before)
  })

  it('through the binding and into the outbox when both, locally', async () => {
    const sent = await localMailer({ EMAIL: env.TEST_EMAIL }).sendMail(MESSAGE)
    expect(sent).toMatchObject({ delivered: true, kept: true })
  })
})
