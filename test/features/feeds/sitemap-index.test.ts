import { env, exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { SITEMAP_MAX_URLS } from '../../../src/features/feeds/sitemap-chunks'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'

const BASE = 'https://blog.example'
const BULK = SITEMAP_MAX_URLS + 100
const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`${BASE}${path}`, { headers })
const locsIn = (xml: string) =>
  [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(BASE, ''))

beforeAll(async () => {
  const ids = await createAuthorAndCategories()
  await createPublishedPosts(3, ids.author.id, [ids.essays.id])
  // Set-wise: one statement with three parameters writes every post (none in a category).
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
     INSERT INTO posts (slug, title, status, author_id, published_at)
     SELECT 'bulk-' || i, 'Bulk ' || i, 'published', ?2, ?3 + i * 1000 FROM n`,
  )
    .bind(BULK, ids.otherAuthor.id, Date.UTC(2020, 0, 1))
    .run()
  // A draft and a scheduled post: never in any file.
  await env.DB.prepare(
    `INSERT INTO posts (slug, title, status, author_id, published_at) VALUES
     ('bulk-draft', 'Draft', 'draft', ?1, ?2), ('bulk-later', 'Later', 'scheduled', ?1, ?3)`,
  )
    .bind(ids.otherAuthor.id, Date.UTC(2021, 0, 1), Date.now() + 86_400_000)
    .run()
  // Pages at the site's root (a draft one in no file), and addresses in another script.
  await env.DB.prepare(
    `INSERT INTO posts (slug, title, status, kind, author_id, published_at) VALUES
     ('a-propos', 'À propos', 'published', 'page', ?1, ?2),
     ('über-uns', 'Über uns', 'published', 'page', ?1, ?2),
     ('page-draft', 'Draft page', 'draft', 'page', ?1, ?2),
     ('café-crème', 'Café crème', 'published', 'post', ?1, ?2)`,
  )
    .bind(ids.otherAuthor.id, Date.UTC(2021, 0, 1))
    .run()
}, 60_000)

describe('/sitemap.xml past one file', () => {
  it(`becomes an index of files of at most ${SITEMAP_MAX_URLS} addresses that list each page once`, async () => {
    const response = await get('/sitemap.xml')
    expect(response.status).toBe(200)
    const index = await response.text()
    expect(XMLValidator.validate(index)).toBe(true)
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const files = locsIn(index)
    expect(files).toEqual(['/sitemap-1.xml', '/sitemap-2.xml'])

    const all: string[] = []
    for (const file of files) {
      const part = await get(file)
      expect(part.status).toBe(200)
      expect(part.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
      const xml = await part.text()
      expect(XMLValidator.validate(xml)).toBe(true)
      expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
      const locs = locsIn(xml)
      expect(locs.length).toBeLessThanOrEqual(SITEMAP_MAX_URLS)
      all.push(...locs)
    }
    expect(new Set(all).size).toBe(all.length)
    const posts = all.filter((loc) => loc.startsWith('/posts/'))
    expect(posts).toHaveLength(BULK + 4)
    expect(posts).toContain(`/posts/${encodeURIComponent('café-crème')}`)
    expect(posts).toContain('/posts/bulk-1')
    expect(posts).toContain(`/posts/bulk-${BULK}`)
    expect(posts).not.toContain('/posts/bulk-draft')
    expect(posts).not.toContain('/posts/bulk-later')
    expect(all.filter((loc) => !loc.startsWith('/posts/')).sort()).toEqual([
      '/',
      `/${encodeURIComponent('über-uns')}`,
      '/a-propos',
      '/authors/claire-dubois',
      '/authors/james-hart',
      '/categories',
      '/categories/essais',
    ])
    expect((await get('/sitemap-3.xml')).status).toBe(404)
  })

  it('answers a conditional GET of the index with 304', async () => {
    const etag = (await get('/sitemap.xml')).headers.get('ETag')!
    expect((await get('/sitemap.xml', { 'If-None-Match': etag })).status).toBe(304)
  })
})
