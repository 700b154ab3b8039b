import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { mailDeliveries, mailingSettings, postMailings } from '../../../src/db/schema'
import { createPost } from '../../../src/features/posts/writes'
import { createAuthorAndCategories, db, postInput } from '../../fixtures'
import { LOCAL_ORIGIN } from '../../mail-helpers'
import { confirmedSubscriber, mailsTo, part, recordingQueue, runJobs } from './helpers'

let authorId: number

beforeAll(async () => {
  authorId = (await createAuthorAndCategories()).author.id
  await confirmedSubscriber('ida@readers.example', '198.51.100.61')
  await confirmedSubscriber('jo@readers.example', '198.51.100.62')
})

/** A public post handed to its subscribers as a save at localhost would. */
async function liveMailedPost(slug: string, fields: Partial<Parameters<typeof postInput>[0]> = {}) {
  const postId = await createPost(
    db,
    postInput({
      slug,
      authorId,
      title: `Title ${slug}`,
      publishedAt: new Date(Date.now() - 1000),
      ...fields,
    }),
  )
  await db.insert(postMailings).values({
    postId,
    wanted: true,
    siteUrl: LOCAL_ORIGIN,
    local: true,
    requestedAt: new Date(),
  })
  await runJobs([{ kind: 'live', postId }], recordingQueue().queue)
  return postId
}

// Several round trips through D1 and the queue each: slow when the machine is busy.
describe('the email settings', { timeout: 30_000 }, () => {
  it('sends the excerpt with a link when the full post is not wanted', async () => {
    await db
      .insert(mailingSettings)
      .values({ id: 1, fullPost: false })
      .onConflictDoUpdate({
        target: mailingSettings.id,
        set: { fullPost: false, dailyCap: 3000 },
      })
    const postId = await liveMailedPost('excerpt-only', {
      excerpt: 'Only the excerpt.',
      html: '<p>The whole body, not to be mailed.</p>',
    })
    await runJobs([{ kind: 'send', postId }], recordingQueue().queue)
    const [{ mail }] = await mailsTo('ida@readers.example', 'Title excerpt-only')
    const html = part(mail, 'html')
    expect(html).toContain('Only the excerpt.')
    expect(html).not.toContain('The whole body')
    expect(html).toContain('href="http://localhost/posts/excerpt-only"')
  })

  it('stops at the daily cap and leaves the rest for the next day', async () => {
    // Everything sent today so far, plus one: the cap leaves room for one message.
    const [{ today }] = await db
      .select({ today: sql<number>`count(*)` })
      .from(mailDeliveries)
      .where(sql`${mailDeliveries.sentAt} >= ${Date.now() - (Date.now() % 86_400_000)}`)
    await db
      .update(mailingSettings)
      .set({ dailyCap: today + 1 })
      .where(eq(mailingSettings.id, 1))
    const postId = await liveMailedPost('capped')
    const queue = recordingQueue()
    await runJobs([{ kind: 'send', postId }], queue.queue)
    const statuses = (
      await db.select().from(mailDeliveries).where(eq(mailDeliveries.postId, postId))
    ).map((row) => row.status)
    expect(statuses.sort()).toEqual(['queued', 'sent'])
    expect(queue.sent).toHaveLength(1)
    const untilTomorrow = Math.ceil((86_400_000 - (Date.now() % 86_400_000)) / 1000)
    expect(queue.sent[0].delaySeconds).toBeGreaterThan(Math.min(43_200, untilTomorrow) - 60)
  })
})
