import { env, exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { categoriesWithCountsQuery, createCategory } from '../../../src/features/categories/queries'
import { sitemapAuthorsQuery, sitemapPostsQuery } from '../../../src/features/feeds/sitemap-queries'
import { createAuthorAndCategories, createPublishedPosts, db, createHiddenPosts } from '../../fixtures'

const BASE = 'https://blog.example'
const LISTED = 40
const HIDDEN = 200
const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`${BASE}${path}`, { headers })

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createCategory(db, { slug: 'empty', name: 'Empty' })
  await createPublishedPosts(LISTED, ids.author.id, [ids.essays.id])
  await createHiddenPosts(ids.otherAuthor.id, [ids.notes.id])
  // Many drafts: the sitemap must not pay for them.
  await env.DB.batch(
    Array.from({ length: HIDDEN }, (_, n) =>
      env.DB.prepare(
        "INSERT INTO posts (slug, title, status, author_id) VALUES (?, 'Draft', 'draft', ?)",
      ).bind(`draft-${n}`, ids.otherAuthor.id),
    ),
  )
})

describe('/sitemap.xml and /robots.txt', () => {
  it('lists every listed post, category and author page with lastmod, and nothing else', async () => {
    const response = await get('/sitemap.xml')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    const xml = await response.text()
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(BASE, ''))
    const posts = locs.filter((loc) => loc.startsWith('/posts/'))
    expect(posts).toHaveLength(LISTED)
    expect(posts).toContain('/posts/post-1')
    expect(locs).toContain('/')
    expect(locs).toContain('/categories/essais')
    expect(locs).toContain('/authors/claire-dubois')
    for (const hidden of ['/posts/a-draft', '/posts/later', '/posts/trashed', '/posts/draft-1'])
      expect(locs).not.toContain(hidden)
    expect(locs).not.toContain('/categories/notes')
    expect(locs).not.toContain('/categories/empty')
    expect(locs).not.toContain('/authors/james-hart')
    expect(locs.some((loc) => loc.startsWith('/admin'))).toBe(false)
    const entries = [...xml.matchAll(/<url>(.*?)<\/url>/g)].map((m) => m[1])
    for (const entry of entries)
      expect(entry).toMatch(/<lastmod>\d{4}-\d\d-\d\dT[\d:.]+Z<\/lastmod>/)
  })

  it('answers a conditional GET with 304', async () => {
    const etag = (await get('/sitemap.xml')).headers.get('ETag')!
    expect((await get('/sitemap.xml', { 'If-None-Match': etag })).status).toBe(304)
  })

  it('robots.txt points to the sitemap and keeps crawlers out of admin and search results', async () => {
    const text = await (await get('/robots.txt')).text()
    expect(text).toContain(`Sitemap: ${BASE}/sitemap.xml`)
    expect(text).toContain('Disallow: /admin')
    expect(text).toContain('Disallow: /search?')
  })

  it('reads listed posts, their category links, categories and authors: no drafts', async () => {
    let read = 0
    for (const query of [
      sitemapPostsQuery(db, Date.now()),
      sitemapAuthorsQuery(db),
      categoriesWithCountsQuery(db, Date.now()),
    ]) {
      const { sql, params } = query.toSQL()
      read += (
        await env.DB.prepare(sql)
          .bind(...params)
          .all()
      ).meta.rows_read
    }
    console.log('sitemap rows_read', read, 'for', LISTED, 'listed posts and', HIDDEN, 'drafts')
    expect(read).toBeLessThanOrEqual(2 * LISTED + 12)
  })
})
