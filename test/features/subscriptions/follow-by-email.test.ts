import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  mailDeliveries,
  mailOutbox,
  postMailings,
  posts,
  subscribers,
} from '../../../src/db/schema'
import { createEditor, logIn, postFields } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { decodeWords, header, LOCAL_ORIGIN } from '../../mail-helpers'
import {
  confirmedSubscriber,
  localPost,
  mailsTo,
  part,
  recordingQueue,
  runJobs,
  subscribeFrom,
  until,
} from './helpers'

let owner: string
let authorId: number

beforeAll(async () => {
  const ids = await createAuthorAndCategories()
  authorId = ids.author.id
  await createEditor('owner@blog.example', 'owner')
  owner = await logIn('owner@blog.example')
})

/** Saves a post from the editor at localhost (so its mail is kept in the outbox). */
async function savePost(fields: Record<string, string>, id?: number) {
  const response = await localPost(
    id ? `/admin/posts/${id}` : '/admin/posts',
    postFields(authorId, { language: 'en', ...fields }),
    { Cookie: owner, Origin: LOCAL_ORIGIN },
  )
  if (response.status !== 303) {
    const page = await response.text()
    throw new Error(
      `not saved: ${[...page.matchAll(/class="field-error"[^>]*>([^<]+)/g)].map((m) => m[1])}`,
    )
  }
  return Number(/\/admin\/posts\/(\d+)/.exec(response.headers.get('Location')!)![1])
}

const sentCount = async (postId: number) =>
  (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(mailDeliveries)
      .where(sql`${mailDeliveries.postId} = ${postId} AND ${mailDeliveries.status} = 'sent'`)
  )[0].n

// Several round trips through D1 and the queue each: slow when the machine is busy.
describe('following by email, from the form to the message', { timeout: 30_000 }, () => {
  it('sends one message per confirmed subscriber, with both unsubscribe headers and no tracking', async () => {
    const alice = await confirmedSubscriber('alice@readers.example')
    const bruno = await confirmedSubscriber('bruno@readers.example')
    // Pending (never confirmed) and unsubscribed readers get nothing.
    expect((await subscribeFrom('198.51.100.31', 'carla@readers.example')).status).toBe(200)
    const dora = await confirmedSubscriber('dora@readers.example')
    const oneClick = await localPost(
      `/unsubscribe/${dora.token}`,
      { 'List-Unsubscribe': 'One-Click' },
      {},
    )
    expect(oneClick.status).toBe(200)
    expect(oneClick.headers.get('Set-Cookie')).toBeNull()
    const [doraAfter] = await db.select().from(subscribers).where(eq(subscribers.id, dora.id))
    expect(doraAfter.state).toBe('unsubscribed')

    const postId = await savePost({
      title: 'Les chambres d’hôtes de Lyon',
      slug: 'chambres-lyon',
      markdown: 'First paragraph.\n\nSecond, with a [link](/posts/other).',
      status: 'published',
      emailSubscribers: 'on',
      emailSubscribersShown: '1',
    })
    // Delivered by the queue's consumer, as the Worker runs it (Miniflare's local queue).
    await until(
      'two messages sent',
      () => sentCount(postId),
      (n) => n === 2,
    )

    for (const reader of [alice, bruno]) {
      const mails = await mailsTo(reader.email, 'Lyon')
      expect(mails).toHaveLength(1)
      const { mail } = mails[0]
      expect(decodeWords(header(mail, 'Subject'))).toBe('Les chambres d’hôtes de Lyon')
      expect(header(mail, 'List-Unsubscribe')).toBe(
        `<http://localhost/unsubscribe/${reader.token}>`,
      )
      expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
      const html = part(mail, 'html')
      expect(html).toContain('Second, with a')
      // No tracking: no image at all here, and every link goes straight to the site's pages.
      expect(html).not.toMatch(/<img/i)
      const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])
      expect(new Set(links)).toEqual(
        new Set([
          'http://localhost/posts/chambres-lyon',
          'http://localhost/posts/other',
          `http://localhost/unsubscribe/${reader.token}`,
        ]),
      )
      expect(part(mail, 'plain')).toContain('http://localhost/posts/chambres-lyon')
    }
    expect(await mailsTo('carla@readers.example', 'Lyon')).toHaveLength(0)
    expect(await mailsTo('dora@readers.example', 'Lyon')).toHaveLength(0)

    // The post's edit page shows the counts.
    const page = await (await exports_fetch(`/admin/posts/${postId}`, owner)).text()
    expect(page).toContain('Email: 0 queued, 2 sent, 0 failed.')

    // Saving and publishing again, or the queue delivering a job twice, sends nothing more.
    await savePost(
      {
        title: 'Les chambres d’hôtes de Lyon',
        slug: 'chambres-lyon',
        markdown: 'Edited.',
        status: 'published',
        emailSubscribers: 'on',
        emailSubscribersShown: '1',
        version: '1',
      },
      postId,
    )
    const before = (await db.select().from(mailOutbox)).length
    await runJobs([
      { kind: 'live', postId },
      { kind: 'send', postId },
      { kind: 'send', postId },
    ])
    expect((await db.select().from(mailOutbox)).length).toBe(before)
    expect(await mailsTo(alice.email, 'Lyon')).toHaveLength(1)
  })

  it('sends a scheduled post when its time comes, not before', async () => {
    const erin = await confirmedSubscriber('erin@readers.example')
    const inTwoHours = new Date(Date.now() + 2 * 3_600_000)
    const [date, time] = inTwoHours.toISOString().slice(0, 16).split('T')
    const postId = await savePost({
      title: 'Scheduled for later',
      slug: 'scheduled-for-later',
      markdown: 'Later.',
      status: 'scheduled',
      publishDate: date,
      publishTime: time,
      timeZone: 'UTC',
      emailSubscribers: 'on',
      emailSubscribersShown: '1',
    })
    // Before its time the job waits again in the queue, delayed until then.
    const waiting = recordingQueue()
    await runJobs([{ kind: 'live', postId }], waiting.queue)
    expect(waiting.sent).toHaveLength(1)
    expect(waiting.sent[0].body).toEqual({ kind: 'live', postId })
    expect(waiting.sent[0].delaySeconds).toBeGreaterThan(2 * 3600 - 120)
    expect(waiting.sent[0].delaySeconds).toBeLessThanOrEqual(2 * 3600)
    expect(await db.select().from(mailDeliveries).where(eq(mailDeliveries.postId, postId))).toEqual(
      [],
    )
    // Its time has come.
    await db
      .update(posts)
      .set({ publishedAt: new Date(Date.now() - 1000) })
      .where(eq(posts.id, postId))
    const live = recordingQueue()
    await runJobs([{ kind: 'live', postId }], live.queue)
    expect(live.sent).toEqual([{ body: { kind: 'send', postId }, delaySeconds: undefined }])
    await runJobs([{ kind: 'send', postId }], live.queue)
    expect(await mailsTo(erin.email, 'Scheduled for later')).toHaveLength(1)
  })

  it('resumes after a failure: only what was not sent is sent', async () => {
    const fay = await confirmedSubscriber('fay@readers.example')
    const gus = await confirmedSubscriber('gus@readers.example')
    const postId = await savePost({
      title: 'Resumed',
      slug: 'resumed',
      markdown: 'x',
      status: 'draft',
    })
    const handedOut = {
      wanted: true,
      siteUrl: LOCAL_ORIGIN,
      local: true,
      requestedAt: new Date(),
      fannedOutAt: new Date(),
    }
    await db
      .insert(postMailings)
      .values({ postId, ...handedOut })
      .onConflictDoUpdate({ target: postMailings.postId, set: handedOut })
    // Fay's message went out before the Worker stopped; Gus's was claimed and never finished.
    await db.insert(mailDeliveries).values([
      { postId, subscriberId: fay.id, status: 'sent', sentAt: new Date(), attempts: 1 },
      {
        postId,
        subscriberId: gus.id,
        status: 'sending',
        claimedAt: new Date(Date.now() - 3_600_000),
        attempts: 1,
      },
    ])
    await runJobs([{ kind: 'send', postId }], recordingQueue().queue)
    expect(await mailsTo(fay.email, 'Resumed')).toHaveLength(0)
    expect(await mailsTo(gus.email, 'Resumed')).toHaveLength(1)
  })

  it('keeps a hostile title a plain subject and escaped text', async () => {
    const hal = await confirmedSubscriber('hal@readers.example')
    const postId = await savePost({
      title: 'Tom & "Jerry" <script>alert(1)</script> =?UTF-8?B?SGk=?=',
      slug: 'hostile-title',
      markdown: 'Body.',
      status: 'published',
      emailSubscribers: '',
      emailSubscribersShown: '1',
    })
    // A line break in a stored title (an import) must not add a header either; the mailing is
    // turned on only once the title is in place, so no job can have sent the typed one.
    await db
      .update(posts)
      .set({ title: 'Tom & "Jerry" <script>alert(1)</script>\r\nBcc: all@evil.example' })
      .where(eq(posts.id, postId))
    await db.update(postMailings).set({ wanted: true }).where(eq(postMailings.postId, postId))
    // One job after the other: a batch's jobs run side by side.
    await runJobs([{ kind: 'live', postId }], recordingQueue().queue)
    await runJobs([{ kind: 'send', postId }], recordingQueue().queue)
    const mails = await until(
      'the hostile post',
      () => mailsTo(hal.email, 'Tom'),
      (m) => m.length > 0,
    )
    expect(mails).toHaveLength(1)
    const { mail, raw } = mails[0]
    expect(mail.headers.has('bcc')).toBe(false)
    expect(raw).not.toMatch(/^Bcc:/im)
    const subject = decodeWords(header(mail, 'Subject'))
    expect(subject).toMatch(/^Tom & "Jerry" <script>alert\(1\)<\/script>/)
    const html = part(mail, 'html')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

function exports_fetch(path: string, cookie: string) {
  return localPost_get(path, cookie)
}

async function localPost_get(path: string, cookie: string) {
  const { exports } = await import('cloudflare:workers')
  return exports.default.fetch(`${LOCAL_ORIGIN}${path}`, { headers: { Cookie: cookie } })
}
