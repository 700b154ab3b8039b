import { eq } from 'drizzle-orm'
import { posts } from '../../db/schema'
import type { MailSettings } from '../../lib/mail'
import type { Db } from '../../db/client'
import { tellOfReply } from './mails'
import { findComment } from './queries'
import { deleteComments, setStatus } from './writes'

export const MODERATION_ACTIONS = ['approve', 'spam', 'delete'] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

export const isModerationAction = (action: string): action is ModerationAction =>
  (MODERATION_ACTIONS as readonly string[]).includes(action)

/** What moderating needs: the database, and what mailing a reply's notice needs. */
export type ModerationContext = {
  env: MailSettings & Pick<Env, 'AUTH_PEPPER'>
  req: { url: string }
  var: { db: Db; site: { url: string; name: string } }
}

/** Replies just approved: whoever asked hears of them. */
async function tellOfApprovedReplies(c: ModerationContext, ids: number[]) {
  for (const id of ids) {
    const comment = await findComment(c.var.db, id)
    if (!comment?.parentId || comment.status !== 'approved') continue
    const [post] = await c.var.db.select().from(posts).where(eq(posts.id, comment.postId))
    if (post) await tellOfReply(c, c.env.AUTH_PEPPER, comment, post)
  }
}

/**
 * An editor's approve, spam or delete, from /admin/comments or an agent's tool alike. Answers the
 * ids whose state changed (all of them for a delete).
 */
export async function moderateComments(
  c: ModerationContext,
  ids: number[],
  action: ModerationAction,
): Promise<number[]> {
  if (action === 'delete') {
    await deleteComments(c.var.db, ids)
    return ids
  }
  const changed = await setStatus(c.var.db, ids, action === 'approve' ? 'approved' : 'spam')
  if (action === 'approve') await tellOfApprovedReplies(c, changed)
  return changed
}
