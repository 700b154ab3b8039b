/**
 * `npm run bench:subscriptions` (part of `npm run bench`): one post sent to 10,000 confirmed
 * subscribers through the local queue, as `npm start` runs it (Miniflare's queue, the Worker's
 * `queue` entrypoint, every message kept in the local outbox). Prints messages per second and the
 * workerd process's peak memory: a job holds at most one claim of 50 recipients, never the list.
 */
import { readFileSync } from 'node:fs'
import { startLocalWorker } from '../support/local-worker'
import { workerdPid } from '../support/workerd-process'
import { createDb } from '../../src/db/client'
import { createUser } from '../../src/features/auth/users'
import { hashPassword } from '../../src/features/auth/password'
import { jsonChunks } from '../../src/db/json-rows'

const PEPPER = 'bench-pepper'
const OWNER = { email: 'owner@blog.example', password: 'a long enough bench password' }
const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 10_000)
const DEADLINE_MS = 15 * 60_000

const memoryKb = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1])

const worker = await startLocalWorker({ vars: { AUTH_PEPPER: PEPPER }, tmpfsStorage: true })
try {
  const d1 = (await worker.miniflare.getD1Database('DB')) as unknown as D1Database
  const db = createDb(d1)
  await createUser(db, {
    email: OWNER.email,
    name: 'Owner',
    role: 'owner',
    passwordHash: await hashPassword(OWNER.password, PEPPER),
  })
  const author = await d1
    .prepare(`INSERT INTO authors (slug, name) VALUES ('bench', 'Bench') RETURNING id`)
    .first<{ id: number }>()
  // The daily cap would spread 10,000 messages over days: lifted for the measure.
  await d1.prepare('INSERT INTO mailing_settings (id, daily_cap) VALUES (1, 1000000)').run()
  const rows = Array.from({ length: SUBSCRIBERS }, (_, i) => [
    `reader-${i}@readers.example`,
    `token-${i}-${crypto.randomUUID()}`,
  ])
  for (const chunk of jsonChunks(rows, 500))
    await d1
      .prepare(
        `INSERT INTO subscribers (email, state, token, created_at, confirmed_at, consent_source)
         SELECT json_extract(value, '$[0]'), 'confirmed', json_extract(value, '$[1]'), ?2, ?2, 'import'
         FROM json_each(?1)`,
      )
      .bind(chunk, Date.now())
      .run()

  const login = await fetch(`${worker.url}/admin/login`, {
    method: 'POST',
    headers: { Origin: worker.url },
    body: new URLSearchParams(OWNER),
    redirect: 'manual',
  })
  const cookie = /__Host-session=[^;]+/.exec(login.headers.get('Set-Cookie') ?? '')![0]
  const pid = workerdPid()
  const rssBefore = memoryKb(pid, 'VmRSS')
  const started = performance.now()
  const saved = await fetch(`${worker.url}/admin/posts`, {
    method: 'POST',
    headers: { Origin: worker.url, Cookie: cookie },
    body: new URLSearchParams({
      title: 'A post for ten thousand readers',
      slug: 'ten-thousand',
      markdown: 'A paragraph long enough to look like a post.\n\n'.repeat(20),
      language: 'en',
      authorId: String(author!.id),
      status: 'published',
      timeZone: 'UTC',
      emailSubscribers: 'on',
      emailSubscribersShown: '1',
    }),
    redirect: 'manual',
  })
  if (saved.status !== 303) throw new Error(`the post was not saved: ${saved.status}`)
  let sent = 0
  let peakRss = rssBefore
  while (sent < SUBSCRIBERS) {
    if (performance.now() - started > DEADLINE_MS) throw new Error(`only ${sent} sent in time`)
    await new Promise((resolve) => setTimeout(resolve, 250))
    peakRss = Math.max(peakRss, memoryKb(pid, 'VmRSS'))
    sent = (await d1
      .prepare(`SELECT count(*) AS n FROM mail_deliveries WHERE status = 'sent'`)
      .first<number>('n'))!
  }
  const seconds = (performance.now() - started) / 1000
  const kept = await d1.prepare('SELECT count(*) AS n FROM mail_outbox').first<number>('n')
  const failed = await d1
    .prepare(`SELECT count(*) AS n FROM mail_deliveries WHERE status <> 'sent'`)
    .first<number>('n')
  console.log(
    `Subscriptions: ${SUBSCRIBERS} subscribers, ${sent} messages sent, ${kept} kept in the outbox, ${failed} not sent`,
  )
  console.log(
    `  ${(sent / seconds).toFixed(0)} messages/s (${seconds.toFixed(1)} s, from the save to the last message)`,
  )
  console.log(
    `  workerd memory: ${(rssBefore / 1024).toFixed(0)} MB before, ${(peakRss / 1024).toFixed(0)} MB at the most while sending (peak over its life: ${(memoryKb(pid, 'VmHWM') / 1024).toFixed(0)} MB)`,
  )
  console.log(`  bench process: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB resident`)
  if (kept !== SUBSCRIBERS || failed !== 0) process.exitCode = 1
} finally {
  await worker.dispose()
}
