import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findAuthorBySlug } from '../db/authors'
import type { AppEnv } from '../types'
import { renderFeed } from './feed-response'

export const authorRoutes = new Hono<AppEnv>().get('/:slug', async (c) => {
  const author = await findAuthorBySlug(c.var.db, c.req.param('slug'))
  if (!author) throw new HTTPException(404)
  const heading = c.var.site.t.authorHeading(author.name)
  return renderFeed(c, {
    filter: { kind: 'author', authorId: author.id },
    basePath: `/authors/${author.slug}`,
    heading,
    title: heading,
    intro: { text: author.bio, language: c.var.site.locale },
  })
})
