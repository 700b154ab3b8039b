import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findAuthorBySlug } from './authors'
import { feedLinks } from '../../lib/feed-links'
import { metaDescription } from '../../lib/seo'
import type { AppEnv } from '../../types'
import { renderFeed } from '../posts'
import { lenientQuery, slugParams } from '../../lib/validation/form'
import { feedQuery } from '../posts'
import { authorPath } from '../../lib/addresses'

export const authorRoutes = new Hono<AppEnv>().get(
  '/:slug',
  slugParams,
  lenientQuery(feedQuery),
  async (c) => {
    const author = await findAuthorBySlug(c.var.db, c.req.valid('param').slug)
    if (!author) throw new HTTPException(404)
    const { t, name } = c.var.site
    const heading = t.authorHeading(author.name)
    const basePath = authorPath(author.slug)
    return renderFeed(c, c.req.valid('query'), {
      filter: { kind: 'author', authorId: author.id },
      basePath,
      heading,
      title: heading,
      intro: { text: author.bio, language: c.var.site.locale },
      description: metaDescription(author.bio || t.authorDescription(author.name, name)),
      meta: { feeds: feedLinks(basePath, `${name} — ${t.authorFeedTitle(author.name)}`) },
    })
  },
)
