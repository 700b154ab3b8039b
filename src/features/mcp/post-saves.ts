import { HTTPException } from 'hono/http-exception'
import { adminMessagesFor } from '../../i18n/admin'
import {
  errorText,
  findPostForEditing,
  saveEditedPost,
  type PostFormErrors,
  type PostFormValues,
} from '../posts'
import { mailAfterSave } from '../subscriptions'
import { auditAgentWrite } from './agent-audit'
import { postSummary, viewsOf } from './post-results'
import { done, refuse, type ToolContext, type ToolOutcome } from './tool'

function invalidMessage(ctx: ToolContext, errors: PostFormErrors) {
  const a = adminMessagesFor(ctx.site.locale)
  const problems = Object.entries(errors).map(
    ([field, error]) => `${field}: ${errorText(a, error!)}`,
  )
  return `Nothing was saved. ${problems.join(' ')}`
}

/**
 * Saves through the admin's own save (its checks, sanitizer, version condition and revision),
 * as the agent's person, and records the write in the audit log.
 */
export async function saveAsAgent(
  ctx: ToolContext,
  tool: string,
  postId: number | null,
  values: PostFormValues,
): Promise<ToolOutcome> {
  let outcome
  try {
    const { notAllowed } = adminMessagesFor(ctx.site.locale)
    outcome = await saveEditedPost(ctx.db, ctx.agent.user, postId, values, notAllowed)
  } catch (error) {
    // The admin's refusals: a post that is not there, or not this person's to change.
    if (error instanceof HTTPException && error.status === 404)
      return refuse(`There is no post ${postId}.`)
    if (error instanceof HTTPException && error.status === 403)
      return refuse(
        `Not allowed for this account's role (${ctx.agent.user.role}): ${error.message}`,
      )
    throw error
  }
  switch (outcome.kind) {
    case 'invalid':
      return refuse(invalidMessage(ctx, outcome.errors))
    case 'trashed':
      return refuse('This post is in the trash: restore it in the admin first.')
    case 'unavailable':
      return refuse('The database did not answer: nothing was saved. Try again.')
    case 'conflict':
      return refuse(
        `Conflict: post ${outcome.current.id} is at version ${outcome.current.version} now, not ${values.version}: someone saved it after you read it, and nothing was saved. Read it again with get_post, reapply your change and send version ${outcome.current.version}.`,
      )
  }
  // Going public by an agent's hand emails subscribers as the admin's save does (their settings).
  await mailAfterSave(
    { env: ctx.env, var: { db: ctx.db, site: ctx.site }, req: { url: ctx.request.url } },
    outcome.postId,
    {},
  )
  const post = await findPostForEditing(ctx.db, outcome.postId)
  if (!post) return refuse('The post was saved, then removed by someone else.')
  await auditAgentWrite(ctx, tool, `#${post.id} “${post.title}” → ${post.status}, v${post.version}`)
  return done(postSummary(ctx, post, await viewsOf(ctx, [post.slug])))
}
