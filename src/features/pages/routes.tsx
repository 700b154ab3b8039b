import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { isReservedRootSlug } from '../../lib/root-addresses'
import { typeset } from '../../lib/typography'
import type { AppEnv } from '../../types'
import { pageMeta } from './page-meta'
import { findPublishedPage } from './queries'
import { PageView } from './views/page-view'
import { commentsBlock } from '../comments'

/**
 * `/<slug>`: a published page. Mounted after every other route, so the blog's own addresses
 * always win (and a page may not take one: lib/root-addresses.ts).
 */
export const pageRoutes = new Hono<AppEnv>().get('/:slug', async (c) => {
  const slug = c.req.param('slug')
  if (isReservedRootSlug(slug)) throw new HTTPException(404)
  const page = await findPublishedPage(c.var.db, slug)
  if (!page) throw new HTTPException(404)
  const comments = await commentsBlock(c, { ...page, kind: 'page' })
  return c.render(
    <>
      <PageView site={c.var.site} page={page} images={page.images} />
      {comments}
    </>,
    {
      title: typeset(page.title, page.language),
      ...pageMeta(c.var.site, page),
    },
  )
})
