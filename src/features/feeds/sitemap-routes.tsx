import { Hono } from 'hono'
import * as v from 'valibot'
import { validParams } from '../../lib/validation/form'

/** `sitemap-3.xml` is the third file of the index. */
const sitemapFileParams = v.object({
  file: v.pipe(
    v.string(),
    v.regex(/^sitemap-[0-9]{1,6}\.xml$/),
    v.transform((file) => Number(file.slice('sitemap-'.length, -'.xml'.length))),
  ),
})
import { categoriesWithCountsQuery } from '../categories'
import { sitemapPagesQuery } from '../pages'
import { sitemapAuthorsQuery, sitemapPostsQuery } from './sitemap-queries'
import { SITEMAP_MAX_URLS } from './sitemap-chunks'
import { conditionalResponse } from '../../lib/conditional-get'
import { renderSitemap, type SitemapUrl } from './sitemap-xml'
import type { AppEnv } from '../../types'
import { authorPath, categoryPath, pagePath, postPath } from '../../lib/addresses'
import { sitemapFileResponse, sitemapIndexResponse } from './sitemap-files'

const latest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null)

/**
 * `/sitemap.xml`: the home page, every listed post, every published page, and the category and
 * author pages that have listed posts, with `lastmod`. Past SITEMAP_MAX_URLS addresses it is an
 * index of `/sitemap-<n>.xml` files instead. `/robots.txt` points to it; admin pages and search
 * results are left to no crawler.
 */
export const sitemapRoutes = new Hono<AppEnv>()
  .get('/sitemap.xml', async (c) => {
    const { site, db } = c.var
    const now = Date.now()
    const [postRows, authorRows, categories, pages] = await db.batch([
      sitemapPostsQuery(db, now),
      sitemapAuthorsQuery(db),
      categoriesWithCountsQuery(db, now),
      sitemapPagesQuery(db),
    ])
    const addresses = 2 + postRows.length + pages.length + categories.length + authorRows.length
    if (postRows.length > SITEMAP_MAX_URLS || addresses > SITEMAP_MAX_URLS) {
      return sitemapIndexResponse(c, now)
    }
    const postUrls: SitemapUrl[] = postRows.map((post) => ({
      loc: `${site.url}${postPath(post.slug)}`,
      lastmod: latest([post.updatedAt, post.publishedAt]),
    }))
    const lastByAuthor = new Map<number, Date | null>()
    for (const post of postRows) {
      lastByAuthor.set(
        post.authorId,
        latest([lastByAuthor.get(post.authorId) ?? null, post.publishedAt]),
      )
    }
    const newest = latest(postUrls.map((url) => url.lastmod))
    const urls: SitemapUrl[] = [
      { loc: `${site.url}/`, lastmod: newest },
      { loc: `${site.url}/categories`, lastmod: newest },
      ...postUrls,
      ...pages.map((page) => ({
        loc: `${site.url}${pagePath(page.slug)}`,
        lastmod: latest([page.updatedAt, page.publishedAt]),
      })),
      ...categories.map((category) => ({
        loc: `${site.url}${categoryPath(category.slug)}`,
        lastmod: new Date(category.lastPostAt),
      })),
      ...authorRows
        .filter((author) => lastByAuthor.has(author.id))
        .map((author) => ({
          loc: `${site.url}${authorPath(author.slug)}`,
          lastmod: lastByAuthor.get(author.id) ?? null,
        })),
    ]
    return conditionalResponse(
      c.req.raw,
      renderSitemap(urls),
      'application/xml; charset=utf-8',
      newest ?? new Date(0),
    )
  })
  .get('/:file{sitemap-[0-9]{1,6}\\.xml}', validParams(sitemapFileParams), (c) =>
    sitemapFileResponse(c, c.req.valid('param').file),
  )
  .get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    return c.text(
      `User-agent: *\nDisallow: /admin\nDisallow: /search?\n\nSitemap: ${c.var.site.url}/sitemap.xml\n`,
    )
  })
