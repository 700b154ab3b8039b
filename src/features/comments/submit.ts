import type { Context } from 'hono'
import { dailyClientHash } from '../audience'
import type { CommentStatus } from '../../db/schema'
import type { AppEnv } from '../../types'
import { blocked } from './block-list'
import { commentHtml, linkCount, MAX_COMMENT_LENGTH, MAX_COMMENT_LINKS } from './comment-html'
import { emailHash } from './email-hash'
import { checkFormToken } from './form-token'
import { tellAuthorToModerate, tellOfReply } from './mails'
import type { CommentMessages } from './messages'
import {
  commentsAllowed,
  findComment,
  knownCommenter,
  readCommentSettings,
  type CommentablePost,
} from './queries'
import { MAX_NAME_LENGTH, validEmail, validWebsite, type CommentForm } from './schemas'
import { insertLimitedComment, isDuplicate } from './writes'

export type SubmitOutcome =
  | { kind: 'stored'; status: CommentStatus; id: number; html: string }
  | { kind: 'refused'; httpStatus: 403 | 422 | 429; reasons: string[] }

const refused = (httpStatus: 403 | 422 | 429, ...reasons: string[]): SubmitOutcome => ({
  kind: 'refused',
  httpStatus,
  reasons,
})

/** Checks → decide held, published or spam → one guarded INSERT → tell who should know. */
export async function submitComment(
  c: Context<AppEnv>,
  post: CommentablePost,
  form: CommentForm,
  m: CommentMessages,
  now = Date.now(),
): Promise<SubmitOutcome> {
  const db = c.var.db
  const pepper = c.env.AUTH_PEPPER
  const settings = await readCommentSettings(db)
  if (!commentsAllowed(post, settings, now)) return refused(403, m.errors.closed)
  // A filled honeypot or a bad token: nothing is stored, whatever else the form holds.
  if (form.phone !== '') return refused(422, m.errors.token)
  if ((await checkFormToken(pepper, post.id, form.token, now)) !== 'ok')
    return refused(422, m.errors.token)

  const name = form.name.trim()
  const email = form.email.trim()
  const typedUrl = form.url.trim()
  // Kept as the URL parser writes it: quotes, brackets and spaces percent-encoded.
  const url = validWebsite(typedUrl) && typedUrl ? new URL(typedUrl).href : typedUrl
  const text = form.comment.replace(/\r\n/g, '\n').trim()
  const reasons: string[] = []
  if (!name || name.length > MAX_NAME_LENGTH) reasons.push(m.errors.name)
  if (!validEmail(email)) reasons.push(m.errors.email)
  if (!validWebsite(url)) reasons.push(m.errors.website)
  if (!text || text.length > MAX_COMMENT_LENGTH) reasons.push(m.errors.comment)
  const html = reasons.length ? '' : commentHtml(text)
  if (html && linkCount(html) > MAX_COMMENT_LINKS) reasons.push(m.errors.links)
  const parentId = await replyParent(c, post.id, form.parent)
  if (parentId === undefined) reasons.push(m.errors.parent)
  if (reasons.length) return refused(422, ...reasons)

  const hash = await emailHash(pepper, email)
  const status: CommentStatus = blocked(settings.blockList, { name, email, url, text })
    ? 'spam'
    : settings.moderation === 'none' ||
        (settings.moderation === 'first' && (await knownCommenter(db, hash)))
      ? 'approved'
      : 'pending'
  const notify = Boolean(email) && form.notify === 'on'
  const id = await insertLimitedComment(db, {
    postId: post.id,
    parentId: parentId ?? null,
    status,
    authorName: name,
    authorUrl: url,
    emailHash: hash,
    email: notify ? email : '',
    notifyReplies: notify,
    markdown: text,
    html,
    clientHash: await dailyClientHash(db, c.req.raw.headers, 'comments', c.var.site.timeZone, now),
    createdAt: now,
  })
  if (id === null)
    return (await isDuplicate(db, post.id, text, now))
      ? refused(422, m.errors.duplicate)
      : refused(429, m.errors.rate)

  if (status === 'pending')
    await tellAuthorToModerate(c, post, { authorName: name, markdown: text })
  if (status === 'approved')
    await tellOfReply(
      c,
      pepper,
      { id, parentId: parentId ?? null, authorName: name, markdown: text },
      post,
    )
  return { kind: 'stored', status, id, html }
}

/**
 * The comment answered: one level of replies, so an answer to a reply joins its parent. Null
 * for none, undefined when the comment answered is not an approved one on this post.
 */
async function replyParent(c: Context<AppEnv>, postId: number, parent: string) {
  if (parent === '') return null
  if (!/^[1-9][0-9]{0,15}$/.test(parent)) return undefined
  const comment = await findComment(c.var.db, Number(parent))
  if (!comment || comment.postId !== postId || comment.status !== 'approved') return undefined
  return comment.parentId ?? comment.id
}
