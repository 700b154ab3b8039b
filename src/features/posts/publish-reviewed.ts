import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { SQL } from 'drizzle-orm'
import type { EditorEnv } from '../../types'
import { findMediaById } from '../media'
import { findPostForEditing } from './admin-queries'
import { errorText, formFromPost } from './editor-form'
import { reviewStatements } from './review-state'
import { checkPost } from './save-post'
import { updatePost } from './writes'
import { mailAfterSave } from '../subscriptions'

/** What publishing from the review queue came to. */
export type PublishReviewedOutcome =
  { kind: 'published' } | { kind: 'invalid'; messages: string[] } | { kind: 'conflict' }

/**
 * Publishes (when null) or schedules a post from the review queue, as saving it in the editor
 * with that status would: the same checks (alt texts, a date to come), conditioned on the version
 * the queue showed, and the post leaves the queue in the same batch.
 */
export async function publishReviewed(
  c: Context<EditorEnv>,
  postId: number,
  loadedVersion: number,
  schedule: { publishDate: string; publishTime: string; timeZone: string } | null,
): Promise<PublishReviewedOutcome> {
  const { db, a } = c.var
  const post = await findPostForEditing(db, postId)
  if (!post || post.deletedAt) throw new HTTPException(404)
  const featured = post.featuredMediaId ? await findMediaById(db, post.featuredMediaId) : null
  const values = {
    ...formFromPost(c, post, featured),
    status: schedule ? 'scheduled' : 'published',
    publishDate: schedule?.publishDate ?? '',
    publishTime: schedule?.publishTime ?? '',
    timeZone: schedule?.timeZone ?? c.var.site.timeZone,
    version: String(loadedVersion),
  }
  const { errors, input } = await checkPost(db, values, post.id)
  if (!input) {
    return { kind: 'invalid', messages: Object.values(errors).map((error) => errorText(a, error)) }
  }
  const also = (stillLoaded: SQL) => reviewStatements(db, post.id, stillLoaded, 'clear')
  const result = await updatePost(db, post.id, loadedVersion, input, c.var.editor.id, {
    revision: false,
    also,
  })
  if (!result.saved) return { kind: 'conflict' }
  // Emailed to subscribers as its form or its kind says (features/subscriptions).
  await mailAfterSave(c, post.id, {})
  return { kind: 'published' }
}
