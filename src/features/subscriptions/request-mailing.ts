import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { postMailings, posts } from '../../db/schema'
import { delaySecondsUntil } from './jobs'
import { readMailingSettings } from './mailing-settings'

/** Whether a post of this kind is emailed unless the editor says otherwise (a setting). */
export async function mailedByDefault(db: Db, kind: string): Promise<boolean> {
  const settings = await readMailingSettings(db)
  return kind === 'post' ? settings.emailPosts : kind === 'note' ? settings.emailNotes : false
}

/**
 * After a save: records whether the post is to be emailed (`wanted`; null keeps what was chosen
 * before, or the default for its kind) and, if it is public or scheduled, puts a `live` job in the
 * queue, delayed until its publication time. Saving again only queues another check: the post is
 * handed to the subscribers once (post_mailings.fanned_out_at), however often it is saved.
 */
export async function requestMailing(
  env: Pick<Env, 'MAIL_QUEUE'>,
  db: Db,
  postId: number,
  wanted: boolean | null,
  origin: { siteUrl: string; local: boolean },
  now = Date.now(),
) {
  const [post] = await db
    .select({
      kind: posts.kind,
      status: posts.status,
      publishedAt: posts.publishedAt,
      deletedAt: posts.deletedAt,
    })
    .from(posts)
    .where(eq(posts.id, postId))
    .limit(1)
  if (!post || post.kind === 'page') return
  const [existing] = await db
    .select()
    .from(postMailings)
    .where(eq(postMailings.postId, postId))
    .limit(1)
  if (existing?.fannedOutAt) return
  const want = wanted ?? existing?.wanted ?? (await mailedByDefault(db, post.kind))
  const row = {
    wanted: want,
    siteUrl: origin.siteUrl,
    local: origin.local,
    requestedAt: new Date(now),
  }
  await db
    .insert(postMailings)
    .values({ postId, ...row })
    .onConflictDoUpdate({ target: postMailings.postId, set: row })
  if (!want || post.status === 'draft' || post.deletedAt || !post.publishedAt) return
  await env.MAIL_QUEUE.send(
    { kind: 'live', postId },
    { delaySeconds: delaySecondsUntil(post.publishedAt.getTime(), now) },
  )
}

/** The editor's checkbox: the post's own choice, else the default for its kind. */
export async function mailingWanted(db: Db, postId: number | null, kind: string) {
  if (postId) {
    const [row] = await db
      .select({ wanted: postMailings.wanted })
      .from(postMailings)
      .where(eq(postMailings.postId, postId))
      .limit(1)
    if (row) return row.wanted
  }
  return mailedByDefault(db, kind)
}
