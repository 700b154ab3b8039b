import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { eq } from 'drizzle-orm'
import { posts, users, type CommentStatus } from '../../db/schema'
import { idParams, lenientQuery, typedForm, validParams } from '../../lib/validation/form'
import type { AdminEnv, EditorEnv } from '../../types'
import { requireContentEditor, requireEditor, requireOwner } from '../auth'
import { commentHtml, MAX_COMMENT_LENGTH } from './comment-html'
import { unsubscribeSignature } from './email-hash'
import { tellOfReply } from './mails'
import { commentAdminMessagesFor, commentMessagesFor } from './messages'
import { countByStatus, findComment, listComments, readCommentSettings } from './queries'
import {
  adminListQuery,
  bulkFields,
  replyFields,
  settingsFields,
  unsubscribeParams,
} from './schemas'
import { isModerationAction, moderateComments } from './moderation'
import { insertReply, saveCommentSettings, unsubscribe } from './writes'
import { AdminCommentsPage } from './views/admin-comments-page'
import { UnsubscribePage } from './views/unsubscribe-page'
import { toLocale } from '../../i18n/site'

type Ctx = Context<EditorEnv>

async function renderList(
  c: Ctx,
  status: CommentStatus,
  search: string,
  extra: { notice?: string | null; error?: string | null } = {},
) {
  const { a, site, editor, db } = c.var
  const k = commentAdminMessagesFor(site.locale)
  const [counts, items, settings] = await Promise.all([
    countByStatus(db),
    listComments(db, status, search),
    editor.role === 'owner' ? readCommentSettings(db) : null,
  ])
  return c.render(
    <AdminCommentsPage
      site={site}
      a={a}
      k={k}
      editor={editor}
      status={status}
      search={search}
      counts={counts}
      items={items}
      settings={settings}
      {...extra}
    />,
    { title: k.title, admin: true },
  )
}

async function moderate(c: Ctx, ids: number[], action: string) {
  if (!isModerationAction(action)) throw new HTTPException(400)
  await moderateComments(c, ids, action)
}

const back = (c: Ctx, done = 'done') => {
  const referer = c.req.header('Referer')
  const status = referer ? new URL(referer, c.req.url).searchParams.get('status') : null
  const tab = status === 'approved' || status === 'spam' ? status : 'pending'
  return c.redirect(`/admin/comments?status=${tab}&done=${done}`, 303)
}

/**
 * `/admin/comments/unsubscribe/<id>/<signature>`: the link in a reply email. Opening it asks;
 * the button (or a mail client's one-click POST) forgets the address. No session, no cookie.
 */
export const commentUnsubscribeRoutes = new Hono<AdminEnv>()
  .get('/:id/:signature', validParams(unsubscribeParams), async (c) => {
    const m = commentMessagesFor(c.var.site.locale)
    const { id, signature } = c.req.valid('param')
    if (signature !== (await unsubscribeSignature(c.env.AUTH_PEPPER, id)))
      throw new HTTPException(404)
    return c.render(<UnsubscribePage m={m} action={c.req.path} done={false} />, {
      title: m.unsubscribeTitle,
    })
  })
  .post('/:id/:signature', validParams(unsubscribeParams), async (c) => {
    const { id, signature } = c.req.valid('param')
    if (signature !== (await unsubscribeSignature(c.env.AUTH_PEPPER, id)))
      throw new HTTPException(404)
    const comment = await findComment(c.var.db, id)
    const m = commentMessagesFor(toLocale(c.var.site.locale))
    if (comment) await unsubscribe(c.var.db, id)
    return c.render(<UnsubscribePage m={m} action={c.req.path} done />, {
      title: m.unsubscribeTitle,
    })
  })

/** `/admin/comments`: moderation for the owner and editors. */
export const adminCommentRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireContentEditor)
  .get('/', lenientQuery(adminListQuery), (c) => {
    const { status, q, done } = c.req.valid('query')
    const k = commentAdminMessagesFor(c.var.site.locale)
    return renderList(c, status, q, { notice: done ? k[done] : null })
  })
  .post('/bulk', typedForm(bulkFields), async (c) => {
    const { action, ids } = c.req.valid('form')
    const numbers = ids
      .filter((id) => /^[1-9][0-9]{0,15}$/.test(id))
      .map(Number)
      .slice(0, 100)
    await moderate(c, numbers, action)
    return back(c)
  })
  .post('/settings', requireOwner, typedForm(settingsFields), async (c) => {
    await saveCommentSettings(c.var.db, c.req.valid('form'))
    return c.redirect('/admin/comments?done=saved', 303)
  })
  .post('/:id{[0-9]+}/:action{approve|spam|delete}', idParams, async (c) => {
    const id = c.req.valid('param').id
    if (!(await findComment(c.var.db, id))) throw new HTTPException(404)
    await moderate(c, [id], c.req.param('action'))
    return back(c)
  })
  .post('/:id{[0-9]+}/reply', idParams, typedForm(replyFields), async (c) => {
    const k = commentAdminMessagesFor(c.var.site.locale)
    const comment = await findComment(c.var.db, c.req.valid('param').id)
    if (!comment) throw new HTTPException(404)
    const text = c.req.valid('form').reply.replace(/\r\n/g, '\n').trim()
    if (!text || text.length > MAX_COMMENT_LENGTH) {
      c.status(422)
      return renderList(c, 'approved', '', { error: k.emptyReply })
    }
    const [account] = await c.var.db
      .select({ authorId: users.authorId })
      .from(users)
      .where(eq(users.id, c.var.editor.id))
    if (!account?.authorId) {
      c.status(422)
      return renderList(c, 'approved', '', { error: k.noAuthor })
    }
    const parentId = comment.parentId ?? comment.id
    const [post] = await c.var.db.select().from(posts).where(eq(posts.id, comment.postId))
    const id = await insertReply(c.var.db, {
      postId: comment.postId,
      parentId,
      authorId: account.authorId,
      authorName: c.var.editor.name,
      markdown: text,
      html: commentHtml(text),
    })
    if (post)
      await tellOfReply(
        c,
        c.env.AUTH_PEPPER,
        { id, parentId, authorName: c.var.editor.name, markdown: text },
        post,
      )
    return c.redirect('/admin/comments?status=approved&done=replied', 303)
  })
