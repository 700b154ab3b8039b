import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findCategoryBySlug, listCategoriesWithCounts } from './queries'
import { feedLinks } from '../../lib/feed-links'
import { metaDescription } from '../../lib/seo'
import type { AppEnv } from '../../types'
import { CategoriesPage } from './views/categories-page'
import { renderFeed } from '../posts'
import { lenientQuery } from '../../lib/validation/form'
import { feedQuery } from '../posts'
import { categoryPath } from '../../lib/addresses'

export const categoryRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { site, db } = c.var
    const categories = await listCategoriesWithCounts(db, Date.now())
    return c.render(<CategoriesPage site={site} categories={categories} />, {
      title: site.t.allCategories,
      description: metaDescription(site.t.categoriesIntro),
    })
  })
  .get('/:slug', lenientQuery(feedQuery), async (c) => {
    const category = await findCategoryBySlug(c.var.db, c.req.param('slug'))
    if (!category) throw new HTTPException(404)
    const { t, name } = c.var.site
    const heading = t.categoryHeading(category.name)
    const basePath = categoryPath(category.slug)
    return renderFeed(c, c.req.valid('query'), {
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
