import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findCategoryBySlug } from './queries'
import { listCategoryPage, topCategoriesQuery } from './page-queries'
import { feedLinks } from '../../lib/feed-links'
import { metaDescription } from '../../lib/seo'
import type { AppEnv } from '../../types'
import { CategoriesPage } from './views/categories-page'
import { renderFeed } from '../posts'
import { lenientQuery, slugParams } from '../../lib/validation/form'
import { feedQuery } from '../posts'
import { categoryPath } from '../../lib/addresses'
import { categoriesQuery } from './schemas'

export const categoryRoutes = new Hono<AppEnv>()
  .get('/', lenientQuery(categoriesQuery), async (c) => {
    const { site, db } = c.var
    const { after } = c.req.valid('query')
    const now = Date.now()
    const page = await listCategoryPage(db, now, after)
    // The most used lead the first page of a list too long for one.
    const top = !after && page.next ? await topCategoriesQuery(db, now) : null
    const nextHref = page.next ? `/categories?after=${encodeURIComponent(page.next)}` : null
    return c.render(
      <CategoriesPage site={site} categories={page.categories} top={top} nextHref={nextHref} />,
      {
        title: site.t.allCategories,
        description: metaDescription(site.t.categoriesIntro),
      },
    )
  })
  .get('/:slug', slugParams, lenientQuery(feedQuery), async (c) => {
    const category = await findCategoryBySlug(c.var.db, c.req.valid('param').slug)
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
