import { createMessageBatch, getQueueResult, createExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { and, eq, like } from 'drizzle-orm'
import { expect } from 'vitest'
import { mailOutbox, subscribers } from '../../../src/db/schema'
import worker from '../../../src/index'
import type { MailJob } from '../../../src/features/subscriptions'
import { db } from '../../fixtures'
import { LOCAL_ORIGIN, parseMail, type ParsedMail } from '../../mail-helpers'

/** A POST as a browser on this machine sends it, from the client `ip`. */
export function localPost(
  path: string,
  form: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(form))
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
  return exports.default.fetch(`${LOCAL_ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
    redirect: 'manual',
  })
}

export function subscribeFrom(ip: string, email: string, extra: Record<string, string> = {}) {
  return localPost('/subscribe', { email, language: 'en', ...extra }, { 'CF-Connecting-IP': ip })
}

/** Waits (polling D1, no fixed delay) until `check` holds, for at most `timeoutMs`. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (check(value)) return value
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await scheduler.wait(50)
  }
}

/** The messages kept in the outbox for `recipient`, whose subject contains `subject`. */
export async function mailsTo(recipient: string, subject = '') {
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, recipient), like(mailOutbox.subject, `%${subject}%`)))
  return rows.map((row) => ({ ...row, mail: parseMail(row.raw) }))
}

export function part(mail: ParsedMail, type: 'plain' | 'html'): string {
  const found = mail.parts.find((p) =>
    p.headers.get('content-type')?.[0].startsWith(`text/${type}`),
  )
  expect(found, type).toBeDefined()
  return found!.body
}

/** The confirmation link of the latest confirmation message to `email`, once it has arrived. */
export async function confirmationLink(email: string): Promise<string> {
  const mails = await until(
    `a confirmation to ${email}`,
    () => mailsTo(email, 'Confirm'),
    (found) => found.length > 0,
  )
  const text = part(mails[mails.length - 1].mail, 'plain')
  const link = /http:\/\/localhost\/subscribe\/confirm\/[A-Za-z0-9._-]+/.exec(text)?.[0]
  expect(link, text).toBeDefined()
  return link!
}

/** Subscribes and confirms `email` through the form and the message, as a reader would. */
export async function confirmedSubscriber(
  email: string,
  ip = `198.51.100.${Math.floor(Math.random() * 250)}`,
) {
  expect((await subscribeFrom(ip, email)).status).toBe(200)
  const link = await confirmationLink(email)
  const confirmed = await localPost(new URL(link).pathname, {})
  expect(confirmed.status).toBe(200)
  const [row] = await db.select().from(subscribers).where(eq(subscribers.email, email))
  expect(row.state).toBe('confirmed')
  return row
}

/** Runs the queue handler on these jobs, as a queue delivers them, and what it acknowledged. */
export async function runJobs(jobs: MailJob[], queue: Pick<Env, 'MAIL_QUEUE'> = env) {
  const batch = createMessageBatch(
    'edge-blog-mail',
    jobs.map((body, index) => ({ id: `job-${index}`, timestamp: new Date(), attempts: 1, body })),
  )
  const ctx = createExecutionContext()
  await worker.queue!(batch, { ...env, ...queue }, ctx)
  return getQueueResult(batch, ctx)
}

/** A queue that keeps what is sent to it, to see which jobs (and delays) a job leads to. */
export function recordingQueue() {
  const sent: { body: MailJob; delaySeconds?: number }[] = []
  const MAIL_QUEUE = {
    async send(body: MailJob, options?: { delaySeconds?: number }) {
      sent.push({ body, delaySeconds: options?.delaySeconds })
    },
    async sendBatch() {
      throw new Error('not used')
    },
  } as unknown as Env['MAIL_QUEUE']
  return { sent, queue: { MAIL_QUEUE } }
}
