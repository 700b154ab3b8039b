import { env, exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { app } from '../../../src/index'
import { createPost } from '../../../src/features/posts/writes'
import { feedEntriesQueries } from '../../../src/features/feeds/queries'
import { CONTENT_STATE_MAX_AGE_MS } from '../../../src/features/page-cache/keys'
import { seedSettings } from '../../../src/features/settings/seed'
import {
  createAuthorAndCategories,
  createPublishedPosts,
  db,
  HOUR,
  postInput,
  createHiddenPosts,
  updatePostAsLoaded,
} from '../../fixtures'

const BASE = 'https://blog.example'
const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`${BASE}${path}`, { headers })

async function feedText(path: string, contentType: string) {
  const response = await get(path)
  expect(response.status, path).toBe(200)
  expect(response.headers.get('Content-Type')).toBe(`${contentType}; charset=utf-8`)
  const text = await response.text()
  if (contentType !== 'application/feed+json') expect(XMLValidator.validate(text), path).toBe(true)
  return text
}
const rss = async (path: string) => parseRssFeed(await feedText(path, 'application/rss+xml'))
const atom = async (path: string) => parseAtomFeed(await feedText(path, 'application/atom+xml'))
const json = async (path: string) =>
  parseJsonFeed(JSON.parse(await feedText(path, 'application/feed+json')))

const HOSTILE_TITLE = 'Bad \u0001\u0008 ]]> & <b>bold</b> « l’été » 🍰 \uFFFE end'
const CLEAN_TITLE = 'Bad  ]]> & <b>bold</b> « l’été » 🍰  end'
let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let hostileId: number

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createPublishedPosts(22, ids.author.id, [ids.essays.id])
  hostileId = await createPost(
    db,
    postInput({
      slug: 'hostile',
      title: HOSTILE_TITLE,
      excerpt: 'Ends with ]]> and \u000b',
      html: '<p>Voir <a href="/posts/post-1">l’autre</a> <img src="/media/a.jpg" alt=""> ]]&gt; &amp;</p>',
      language: 'fr',
      authorId: ids.otherAuthor.id,
      categoryIds: [ids.notes.id],
      publishedAt: new Date(Date.now() - HOUR),
    }),
  )
  await createHiddenPosts(ids.otherAuthor.id, [ids.notes.id])
})

describe('feeds', () => {
  it('RSS 2.0 of the whole blog: 20 newest, full HTML with absolute URLs, author, categories', async () => {
    const feed = await rss('/rss.xml')
    expect(feed.title).toBe('Maison & Hôte')
    expect(feed.link).toBe(`${BASE}/`)
    expect(feed.items).toHaveLength(20)
    const [first, second] = feed.items!
    expect(first.title).toBe(CLEAN_TITLE)
    expect(first.link).toBe(`${BASE}/posts/hostile`)
    expect(first.guid).toEqual({
      value: expect.stringMatching(/^tag:blog\.example,\d{4}:posts\/\d+$/),
      isPermaLink: false,
    })
    expect(first.dc?.creators).toEqual(['James Hart'])
    expect(first.categories).toEqual([{ name: 'Notes', domain: `${BASE}/categories/notes` }])
    expect(first.content?.encoded).toContain(`<a href="${BASE}/posts/post-1">l’autre</a>`)
    expect(first.content?.encoded).toContain(`<img src="${BASE}/media/a.jpg"`)
    expect(first.content?.encoded).toContain('Voir')
    expect(second.title).toBe('Post 22')
    expect(Date.parse(second.pubDate!)).toBeGreaterThan(0)
    const slugs = feed.items!.map((item) => item.link)
    for (const hidden of ['a-draft', 'later', 'trashed'])
      expect(slugs).not.toContain(`${BASE}/posts/${hidden}`)
  })

  it('serves the RSS feed at /feed too', async () => {
    expect((await rss('/feed')).items).toHaveLength(20)
  })

  it('Atom 1.0: ids, dates, authors, categories, html content, self link', async () => {
    const feed = await atom('/atom.xml')
    expect(feed.title?.value ?? feed.title).toBe('Maison & Hôte')
    expect(feed.entries).toHaveLength(20)
    const entry = feed.entries![0]
    expect(entry.id).toMatch(/^tag:blog\.example,\d{4}:posts\/\d+$/)
    expect(entry.authors).toEqual([{ name: 'James Hart', uri: `${BASE}/authors/james-hart` }])
    expect(entry.categories).toEqual([
      { term: 'notes', label: 'Notes', scheme: `${BASE}/categories/` },
    ])
    expect(entry.content).toMatchObject({ type: 'html' })
    expect(JSON.stringify(entry.content)).toContain(`${BASE}/media/a.jpg`)
    expect(Date.parse(entry.updated!)).toBeGreaterThan(0)
    expect(Date.parse(entry.published!)).toBeGreaterThan(0)
    expect(feed.links).toContainEqual(
      expect.objectContaining({ rel: 'self', href: `${BASE}/atom.xml` }),
    )
  })

  it('JSON Feed 1.1: items with content_html, authors, tags, language', async () => {
    const feed = await json('/feed.json')
    expect(feed.title).toBe('Maison & Hôte')
    expect(feed.feed_url).toBe(`${BASE}/feed.json`)
    expect(feed.items).toHaveLength(20)
    const item = feed.items![0]
    expect(item.title).toBe(CLEAN_TITLE)
    expect(item.content_html).toContain(`${BASE}/media/a.jpg`)
    expect(item.authors).toEqual([{ name: 'James Hart', url: `${BASE}/authors/james-hart` }])
    expect(item.tags).toEqual(['Notes'])
    expect(item.language).toBe('fr')
  })

  it('a category’s and an author’s feeds hold only their posts, in every format', async () => {
    const notes = await rss('/categories/notes/rss.xml')
    expect(notes.items!.map((item) => item.link)).toEqual([`${BASE}/posts/hostile`])
    expect(notes.title).toBe('Maison & Hôte — Category: Notes')
    const claire = await atom('/authors/claire-dubois/atom.xml')
    expect(claire.entries).toHaveLength(20)
    expect(claire.entries!.every((entry) => entry.authors![0].name === 'Claire Dubois')).toBe(true)
    const essays = await json('/categories/essais/feed.json')
    expect(essays.items).toHaveLength(20)
    expect(essays.items!.every((item) => item.tags!.includes('Essais'))).toBe(true)
    const james = await json('/authors/james-hart/feed.json')
    expect(james.items!.map((item) => item.url)).toEqual([`${BASE}/posts/hostile`])
    expect((await get('/categories/nope/rss.xml')).status).toBe(404)
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps each entry’s id when its title and slug change', async () => {
    const before = (await rss('/rss.xml')).items![0].guid
    await updatePostAsLoaded(
      db,
      hostileId,
      postInput({
        slug: 'renamed',
        title: 'Renamed',
        language: 'fr',
        authorId: ids.otherAuthor.id,
        categoryIds: [ids.notes.id],
        publishedAt: new Date(Date.now() - HOUR),
      }),
      null,
    )
    // Written behind the admin's back, as an import would: the page cache shows it within its bound.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + CONTENT_STATE_MAX_AGE_MS + 1000 })
    const after = (await rss('/rss.xml')).items![0]
    expect(after.title).toBe('Renamed')
    expect(after.guid).toEqual(before)
  })

  it('answers conditional GETs with 304, by ETag or by date', async () => {
    const response = await get('/atom.xml')
    const etag = response.headers.get('ETag')!
    const lastModified = response.headers.get('Last-Modified')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(Date.parse(lastModified)).toBeGreaterThan(0)
    const byTag = await get('/atom.xml', { 'If-None-Match': `W/${etag}` })
    expect(byTag.status).toBe(304)
    expect(await byTag.text()).toBe('')
    expect((await get('/atom.xml', { 'If-Modified-Since': lastModified })).status).toBe(304)
    expect((await get('/atom.xml', { 'If-None-Match': '"other"' })).status).toBe(200)
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString()
    expect((await get('/atom.xml', { 'If-Modified-Since': earlier })).status).toBe(200)
    expect((await get('/rss.xml', { 'If-None-Match': etag })).status).toBe(200)
  })

  it('carries FEED_POSTS posts until the settings are saved, 20 by default, never more than 100', async () => {
    const feedSize = (value: string | undefined) =>
      seedSettings({ ...env, FEED_POSTS: value as string }).postsPerFeed
    expect(feedSize(undefined)).toBe(20)
    expect(feedSize('abc')).toBe(20)
    expect(feedSize('500')).toBe(100)
    const response = await app.request('/feed.json', {}, { ...env, FEED_POSTS: '3' })
    expect(JSON.parse(await response.text()).items).toHaveLength(3)
  })

  it('reads a bounded number of rows per entry, however many posts there are', async () => {
    const older = Array.from({ length: 300 }, (_, n) =>
      env.DB.prepare(
        `INSERT INTO posts (slug, title, status, published_at, author_id)
         VALUES (?, 'Old', 'published', ?, ?)`,
      ).bind(`old-${n}`, 1_000_000 + n, ids.author.id),
    )
    await env.DB.batch(older)
    for (const filter of [
      { kind: 'all' as const },
      { kind: 'category' as const, categoryId: ids.essays.id },
      { kind: 'author' as const, authorId: ids.author.id },
    ]) {
      let read = 0
      for (const query of feedEntriesQueries(db, filter, Date.now(), 20)) {
        const { sql, params } = query.toSQL()
        const result = await env.DB.prepare(sql)
          .bind(...params)
          .all()
        read += result.meta.rows_read
      }
      console.log('feed rows_read', filter.kind, read)
      // The newest 20 ids from the index, their posts and authors, their category links.
      expect(read).toBeLessThanOrEqual(12 * 20)
    }
  })
})
