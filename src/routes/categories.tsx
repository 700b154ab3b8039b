import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findCategoryBySlug } from '../db/categories'
import type { AppEnv } from '../types'
import { renderFeed } from './feed-response'
import { lenientQuery } from '../validation/form'
import { feedQuery } from '../validation/feed'

export const categoryRoutes = new Hono<AppEnv>().get(
  '/:slug',
  lenientQuery(feedQuery),
  async (c) => {
    const category = await findCategoryBySlug(c.var.db, c.req.param('slug'))
    if (!category) throw new HTTPException(404)
    const heading = c.var.site.t.categoryHeading(category.name)
    return renderFeed(c, c.req.valid('query'), {
      filter: { kind: 'category', categoryId: category.id },
      basePath: `/categories/${category.slug}`,
      heading,
      title: heading,
    })
  },
)
