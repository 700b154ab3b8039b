import {
  commentsForAgentsByIds,
  countByStatus,
  listCommentsForAgents,
  moderateComments,
  type AgentComment,
} from '../../comments'
import { decodeAdminPosition, encodeAdminPosition, findPostIdBySlug } from '../../posts'
import { auditAgentWrite } from '../agent-audit'
import { listCommentsInput, moderateCommentsInput } from '../schemas'
import { defineTool, done, json, refuse, type ToolContext } from '../tool'

/** A comment's text is clipped here (readers' comments may hold 5,000 characters): 50 a page. */
const MAX_TEXT = 1_000
const MAX_NAME = 100
const MAX_URL = 500

const commentSchema = json.object({
  id: json.integer,
  status: json.string,
  post: json.object({ id: json.integer, slug: json.string, title: json.string, kind: json.string }),
  authorName: json.string,
  authorUrl: json.string,
  markdown: json.string,
  truncated: json.boolean,
  createdAt: json.string,
  isReply: json.boolean,
  parentId: json.nullableInteger,
})

const countsSchema = json.object({
  pending: json.integer,
  approved: json.integer,
  spam: json.integer,
})

/** What an agent is told of a comment: never an email, its hash, or the client's hash. */
function commentResult(comment: AgentComment) {
  return {
    id: comment.id,
    status: comment.status,
    post: {
      id: comment.postId,
      slug: comment.postSlug,
      title: comment.postTitle,
      kind: comment.postKind,
    },
    authorName: comment.authorName.slice(0, MAX_NAME),
    authorUrl: comment.authorUrl.slice(0, MAX_URL),
    markdown: comment.markdown.slice(0, MAX_TEXT),
    truncated: comment.markdown.length > MAX_TEXT,
    createdAt: comment.createdAt.toISOString(),
    isReply: comment.parentId !== null,
    parentId: comment.parentId,
  }
}

export const listCommentsTool = defineTool({
  name: 'list_comments',
  title: 'List comments',
  description:
    'Readers’ comments as /admin/comments lists them: one status (pending, the default; approved; spam), newest first, 20 a page (limit up to 50), optionally matching words in the text or name (query) or on one post (post: id or slug); pass nextCursor back as cursor for the next page. Texts longer than 1,000 characters are clipped (truncated: true). Commenters’ email addresses are never given. counts: how many comments each status holds.',
  scope: 'read',
  editorsOnly: true,
  input: listCommentsInput,
  output: json.object({
    comments: json.array(commentSchema),
    nextCursor: json.nullableString,
    counts: countsSchema,
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(ctx, args) {
    const after = args.cursor === undefined ? null : decodeAdminPosition(args.cursor)
    if (args.cursor !== undefined && !after)
      return refuse('This cursor is not one list_comments gave: start again without it.')
    let postId: number | null = null
    if (args.post !== undefined) {
      postId = typeof args.post === 'number' ? args.post : await findPostIdBySlug(ctx.db, args.post)
      if (postId === null)
        return refuse(`No post has the slug “${args.post}”. list_posts gives the slugs.`)
    }
    const [page, counts] = await Promise.all([
      listCommentsForAgents(ctx.db, {
        status: args.status,
        search: args.query?.trim() ?? '',
        postId,
        after,
        limit: args.limit ?? 20,
      }),
      countByStatus(ctx.db),
    ])
    return done({
      comments: page.comments.map(commentResult),
      nextCursor: page.next ? encodeAdminPosition(page.next) : null,
      counts,
    })
  },
})

/**
 * Approve or spam through the admin's own moderation (the same statement, and the notice to a
 * commenter whose comment got an approved reply), after checking every id exists.
 */
async function moderate(ctx: ToolContext, tool: string, ids: number[], action: 'approve' | 'spam') {
  const unique = [...new Set(ids)]
  const found = await commentsForAgentsByIds(ctx.db, unique)
  const known = new Set(found.map((comment) => comment.id))
  const unknown = unique.filter((id) => !known.has(id))
  if (unknown.length)
    return refuse(
      `No comment has the id ${unknown.join(', ')}: nothing was changed. list_comments gives the ids.`,
    )
  const changed = await moderateComments(
    { env: ctx.env, var: { db: ctx.db, site: ctx.site }, req: { url: ctx.request.url } },
    unique,
    action,
  )
  if (changed.length) {
    const status = action === 'approve' ? 'approved' : 'spam'
    await auditAgentWrite(
      ctx,
      tool,
      `comments ${changed.map((id) => `#${id}`).join(', ')} → ${status}`,
    )
  }
  const after = await commentsForAgentsByIds(ctx.db, unique)
  return done({ comments: after.map(commentResult), changed })
}

const moderatedSchema = json.object({
  comments: json.array(commentSchema),
  changed: json.array(json.integer),
})

export const approveCommentTool = defineTool({
  name: 'approve_comment',
  title: 'Approve comments',
  description:
    'Publishes comments under their posts, as Approve in /admin/comments does (a commenter who asked hears of an approved reply). ids: one to 50 comment ids from list_comments; an unknown id changes nothing. Answers the comments as they are now, and changed: the ids that were not approved before.',
  scope: 'publish',
  editorsOnly: true,
  input: moderateCommentsInput,
  output: moderatedSchema,
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  run: (ctx, { ids }) => moderate(ctx, 'approve_comment', ids, 'approve'),
})

export const spamCommentTool = defineTool({
  name: 'spam_comment',
  title: 'Mark comments as spam',
  description:
    'Moves comments to spam, as Spam in /admin/comments does: an approved one leaves the post’s page. ids: one to 50 comment ids from list_comments; an unknown id changes nothing. approve_comment brings one back. Answers the comments as they are now, and changed: the ids that were not spam before.',
  scope: 'publish',
  editorsOnly: true,
  input: moderateCommentsInput,
  output: moderatedSchema,
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: false,
  },
  run: (ctx, { ids }) => moderate(ctx, 'spam_comment', ids, 'spam'),
})
