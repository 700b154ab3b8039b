import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findPublishedPost } from './queries'
import { metaDescription } from '../../lib/seo'
import { postPageMeta } from './structured-data'
import { mediaUrl } from '../media'
import { typeset } from '../../lib/typography'
import type { AppEnv } from '../../types'
import { PostPage } from './views/post-page'
import { slugParams } from '../../lib/validation/form'
import { commentsBlock } from '../comments'

export const postRoutes = new Hono<AppEnv>().get('/:slug', slugParams, async (c) => {
  const post = await findPublishedPost(c.var.db, c.req.valid('param').slug, Date.now())
  if (!post) throw new HTTPException(404)
  const { images } = post
  const comments = await commentsBlock(c, post, post.comments)
  return c.render(
    <>
      <PostPage site={c.var.site} post={post} images={images} />
      {comments}
    </>,
    {
      title: typeset(post.title, post.language),
      description: metaDescription(post.excerpt) || undefined,
      ...postPageMeta(
        c.var.site,
        post,
        images.featured && {
          url: new URL(mediaUrl(images.featured), c.req.url).href,
          alt: images.featured.alt,
          width: images.featured.width,
          height: images.featured.height,
        },
      ),
    },
  )
})
