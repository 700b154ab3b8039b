import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { authPepper } from '../auth'
import { resolvePreviewToken } from '../preview-links'
import { typeset } from '../../lib/typography'
import { postPath } from '../../lib/addresses'
import type { AppEnv } from '../../types'
import { findPublishedPost } from './queries'
import { PostPage } from './views/post-page'

/**
 * `/preview/<token>`: a draft or a scheduled post as readers will see it, for whoever has the
 * address. Kept out of every cache and every index; the page cache and the audience counter
 * skip these addresses. Once the post is live, the address leads to it.
 */
export const previewRoutes = new Hono<AppEnv>().get('/:token', async (c) => {
  const { db } = c.var
  c.header('Cache-Control', 'private, no-store')
  c.header('X-Robots-Tag', 'noindex, nofollow')
  // The token is the key: it must not leave in a Referer header.
  c.header('Referrer-Policy', 'no-referrer')
  const now = Date.now()
  const target = await resolvePreviewToken(db, authPepper(c.env), c.req.param('token'), now)
  if (target.kind === 'expired') throw new HTTPException(410)
  if (target.kind === 'unknown') throw new HTTPException(404)
  if (target.live) return c.redirect(postPath(target.slug), 302)
  const post = await findPublishedPost(db, target.slug, now, { preview: true })
  if (!post) throw new HTTPException(404)
  const { images } = post
  return c.render(<PostPage site={c.var.site} post={post} images={images} />, {
    title: typeset(post.title, post.language),
    noindex: true,
    lang: post.language,
  })
})
