import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import worker from '../../src/index'
import { createPost, trashPost } from '../../src/features/posts/writes'
import { loginFailures, posts, sessions } from '../../src/db/schema'
import { createSession } from '../../src/features/auth/sessions'
import { createAuthorAndCategories, db, postInput } from '../fixtures'
import { createEditor } from '../admin-helpers'

const DAY = 86_400_000

describe('hourly Cron Trigger', () => {
  it('empties the trash after 30 days and drops expired sessions and old login failures', async () => {
    const { author } = await createAuthorAndCategories()
    const now = Date.now()
    const old = await createPost(db, postInput({ slug: 'long-gone', authorId: author.id }))
    const recent = await createPost(db, postInput({ slug: 'just-deleted', authorId: author.id }))
    await trashPost(db, old, new Date(now - 31 * DAY))
    await trashPost(db, recent, new Date(now - 2 * DAY))
    const user = await createEditor('cron@blog.example')
    await createSession(db, 'a'.repeat(64), user.id, now - 9 * 3_600_000)
    await createSession(db, 'b'.repeat(64), user.id, now)
    await db.insert(loginFailures).values([
      { key: 'account:x', failedAt: new Date(now - 25 * 3_600_000) },
      { key: 'account:y', failedAt: new Date(now) },
    ])

    const ctx = createExecutionContext()
    await worker.scheduled(
      createScheduledController({ scheduledTime: now, cron: '7 * * * *' }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)

    expect(await db.select().from(posts).where(eq(posts.id, old))).toHaveLength(0)
    expect(await db.select().from(posts).where(eq(posts.id, recent))).toHaveLength(1)
    expect((await db.select().from(sessions)).map((s) => s.tokenHash)).toEqual(['b'.repeat(64)])
    expect((await db.select().from(loginFailures)).map((f) => f.key)).toEqual(['account:y'])
  })
})
