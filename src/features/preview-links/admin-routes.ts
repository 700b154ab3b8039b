import { eq } from 'drizzle-orm'
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { posts } from '../../db/schema'
import { idParams } from '../../lib/validation/form'
import type { AdminEnv, EditorEnv } from '../../types'
import { authPepper, mayChangePost, refuseUnless, requireEditor } from '../auth'
import { isNotLiveYet, revokePreviewLink, sharePreview } from './queries'

const backToEditor = (postId: number, done: 'shared' | 'revoked') =>
  `/admin/posts/${postId}?preview=${done}#preview-share`

/** The post: 404 if there is none, 403 unless the editor may change it (authors: their own). */
async function changeablePost(c: Context<EditorEnv>, id: number) {
  const [post] = await c.var.db
    .select({
      status: posts.status,
      publishedAt: posts.publishedAt,
      deletedAt: posts.deletedAt,
      createdBy: posts.createdBy,
      kind: posts.kind,
    })
    .from(posts)
    .where(eq(posts.id, id))
  if (!post) throw new HTTPException(404)
  refuseUnless(c, mayChangePost(c.var.editor, post))
  return post
}

/** `/admin/preview-links/:id`: make (or remake) and revoke a post's preview address. */
export const adminPreviewLinkRoutes = new Hono<AdminEnv>()
  .use(requireEditor)
  .post('/:id{[0-9]+}', idParams, async (c) => {
    const { db, editor } = c.var
    const id = c.req.valid('param').id
    const post = await changeablePost(c, id)
    // A page's preview is its editor's own (pages are shown apart from posts, at the root).
    if (post.deletedAt || post.kind === 'page') throw new HTTPException(404)
    // A live post has its own address.
    if (!isNotLiveYet(post, Date.now())) throw new HTTPException(409)
    await sharePreview(db, authPepper(c.env), id, editor.id, Date.now())
    return c.redirect(backToEditor(id, 'shared'), 303)
  })
  .post('/:id{[0-9]+}/revoke', idParams, async (c) => {
    const id = c.req.valid('param').id
    await changeablePost(c, id)
    await revokePreviewLink(c.var.db, id)
    return c.redirect(backToEditor(id, 'revoked'), 303)
  })
