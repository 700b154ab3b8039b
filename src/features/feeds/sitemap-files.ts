import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { categoriesWithCountsQuery } from '../categories'
import { sitemapPageCountQuery, sitemapPagesQuery } from '../pages'
import { authorPath, categoryPath, pagePath, postPath } from '../../lib/addresses'
import {
  SITEMAP_MAX_URLS,
  sitemapAuthorSliceQuery,
  sitemapPostSliceQuery,
  sitemapPostTotalsQuery,
  sitemapTermTotalsQuery,
} from './sitemap-chunks'
import { conditionalResponse } from '../../lib/conditional-get'
import { sitemapFileCount, sitemapFilePlan, type SitemapTotals } from './sitemap-plan'
import { renderSitemap, renderSitemapIndex, type SitemapUrl } from './sitemap-xml'
import type { AppEnv } from '../../types'

const XML = 'application/xml; charset=utf-8'

const latest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null)

async function totals(c: Context<AppEnv>, now: number) {
  const [[postTotals], [termTotals], [pageTotals]] = await c.var.db.batch([
    sitemapPostTotalsQuery(c.var.db, now),
    sitemapTermTotalsQuery(c.var.db, now),
    sitemapPageCountQuery(c.var.db),
  ])
  const counts: SitemapTotals = {
    pages: Number(pageTotals?.pages ?? 0),
    posts: Number(postTotals?.posts ?? 0),
    categories: Number(termTotals?.categories ?? 0),
    authors: Number(termTotals?.authors ?? 0),
  }
  const newest = postTotals?.newest ? new Date(Number(postTotals.newest)) : null
  return { counts, newest }
}

/** `/sitemap.xml` once the blog has more addresses than one file takes: the list of files. */
export async function sitemapIndexResponse(c: Context<AppEnv>, now: number) {
  const { counts, newest } = await totals(c, now)
  const files = Array.from({ length: sitemapFileCount(counts, SITEMAP_MAX_URLS) }, (_, i) => ({
    loc: `${c.var.site.url}/sitemap-${i + 1}.xml`,
    lastmod: newest,
  }))
  return conditionalResponse(c.req.raw, renderSitemapIndex(files), XML, newest ?? new Date(0))
}

/** `/sitemap-<n>.xml`: the n-th slice of the addresses `sitemapFilePlan` orders. */
export async function sitemapFileResponse(c: Context<AppEnv>, n: number) {
  const { db, site } = c.var
  const now = Date.now()
  const { counts, newest } = await totals(c, now)
  const plan = sitemapFilePlan(counts, SITEMAP_MAX_URLS, n)
  if (!plan) throw new HTTPException(404)
  const [pages, categories, authors, posts] = await Promise.all([
    plan.pages ? sitemapPagesQuery(db, plan.pages.offset, plan.pages.limit) : [],
    plan.categories
      ? categoriesWithCountsQuery(db, now)
          .limit(plan.categories.limit)
          .offset(plan.categories.offset)
      : [],
    plan.authors ? sitemapAuthorSliceQuery(db, now, plan.authors.offset, plan.authors.limit) : [],
    plan.posts ? sitemapPostSliceQuery(db, now, plan.posts.offset, plan.posts.limit) : [],
  ])
  const urls: SitemapUrl[] = [
    ...(plan.fixedPages
      ? [
          { loc: `${site.url}/`, lastmod: newest },
          { loc: `${site.url}/categories`, lastmod: newest },
        ]
      : []),
    ...pages.map((page) => ({
      loc: `${site.url}${pagePath(page.slug)}`,
      lastmod: latest([page.updatedAt, page.publishedAt]),
    })),
    ...categories.map((category) => ({
      loc: `${site.url}${categoryPath(category.slug)}`,
      lastmod: new Date(category.lastPostAt),
    })),
    ...authors.map((author) => ({
      loc: `${site.url}${authorPath(author.slug)}`,
      lastmod: new Date(author.lastPostAt),
    })),
    ...posts.map((post) => ({
      loc: `${site.url}${postPath(post.slug)}`,
      lastmod: latest([post.updatedAt, post.publishedAt]),
    })),
  ]
  return conditionalResponse(c.req.raw, renderSitemap(urls), XML, newest ?? new Date(0))
}
