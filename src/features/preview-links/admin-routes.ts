import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { posts } from '../../db/schema'
import { idParams } from '../../lib/validation/form'
import type { AdminEnv } from '../../types'
import { authPepper, requireEditor } from '../auth'
import { isNotLiveYet, revokePreviewLink, sharePreview } from './queries'

const backToEditor = (postId: number, done: 'shared' | 'revoked') =>
  `/admin/posts/${postId}?preview=${done}#preview-share`

/** `/admin/preview-links/:id`: make (or remake) and revoke a post's preview address. */
export const adminPreviewLinkRoutes = new Hono<AdminEnv>()
  .use(requireEditor)
  .post('/:id{[0-9]+}', idParams, async (c) => {
    const { db, editor } = c.var
    const id = c.req.valid('param').id
    const [post] = await db
      .select({
        status: posts.status,
        publishedAt: posts.publishedAt,
        deletedAt: posts.deletedAt,
        kind: posts.kind,
      })
      .from(posts)
      .where(eq(posts.id, id))
    // A page's preview is its editor's own (pages are shown apart from posts, at the root).
    if (!post || post.deletedAt || post.kind === 'page') throw new HTTPException(404)
    // A live post has its own address.
    if (!isNotLiveYet(post, Date.now())) throw new HTTPException(409)
    await sharePreview(db, authPepper(c.env), id, editor?.id ?? null, Date.now())
    return c.redirect(backToEditor(id, 'shared'), 303)
  })
  .post('/:id{[0-9]+}/revoke', idParams, async (c) => {
    const id = c.req.valid('param').id
    await revokePreviewLink(c.var.db, id)
    return c.redirect(backToEditor(id, 'revoked'), 303)
  })
