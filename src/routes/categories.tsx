import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findCategoryBySlug } from '../db/categories'
import { feedLinks } from '../lib/feed-links'
import { metaDescription } from '../lib/seo'
import type { AppEnv } from '../types'
import { renderFeed } from './feed-response'

export const categoryRoutes = new Hono<AppEnv>().get('/:slug', async (c) => {
  const category = await findCategoryBySlug(c.var.db, c.req.param('slug'))
  if (!category) throw new HTTPException(404)
  const { t, name } = c.var.site
  const heading = t.categoryHeading(category.name)
  const basePath = `/categories/${category.slug}`
  return renderFeed(c, {
    filter: { kind: 'category', categoryId: category.id },
    basePath,
    heading,
    title: heading,
    description: metaDescription(
      category.description || t.categoryDescription(category.name, name),
    ),
    meta: { feeds: feedLinks(basePath, `${name} — ${t.categoryFeedTitle(category.name)}`) },
  })
})
