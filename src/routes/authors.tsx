import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findAuthorBySlug } from '../db/authors'
import { feedLinks } from '../lib/feed-links'
import { metaDescription } from '../lib/seo'
import type { AppEnv } from '../types'
import { renderFeed } from './feed-response'

export const authorRoutes = new Hono<AppEnv>().get('/:slug', async (c) => {
  const author = await findAuthorBySlug(c.var.db, c.req.param('slug'))
  if (!author) throw new HTTPException(404)
  const { t, name } = c.var.site
  const heading = t.authorHeading(author.name)
  const basePath = `/authors/${author.slug}`
  return renderFeed(c, {
    filter: { kind: 'author', authorId: author.id },
    basePath,
    heading,
    title: heading,
    description: metaDescription(author.bio || t.authorDescription(author.name, name)),
    meta: { feeds: feedLinks(basePath, `${name} — ${t.authorFeedTitle(author.name)}`) },
  })
})
