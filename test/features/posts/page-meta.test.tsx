import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '../../../src/lib/cursor'
import { createPost } from '../../../src/features/posts/writes'
import { findPublishedPost } from '../../../src/features/posts/queries'
import { postPageMeta } from '../../../src/features/posts/structured-data'
import { messagesFor } from '../../../src/i18n/site'
import { HeadMeta } from '../../../src/ui/head-meta'
import type { Site } from '../../../src/types'
import { createAuthorAndCategories, db, postInput } from '../../fixtures'

const BASE = 'https://blog.example'
const fetchHtml = async (path: string) => (await exports.default.fetch(`${BASE}${path}`)).text()

const attr = (html: string, pattern: RegExp) => pattern.exec(html)?.[1] ?? null
const meta = (html: string, key: string) =>
  attr(html, new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))
const canonical = (html: string) => attr(html, /<link rel="canonical" href="([^"]+)"/)
const feedHrefs = (html: string) =>
  [...html.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  )
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1]),
  )
}

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await env.DB.prepare('UPDATE authors SET bio = ? WHERE id = ?')
    .bind('Writes about hotels and the people who keep them.', ids.author.id)
    .run()
  await createPost(
    db,
    postInput({
      slug: 'cafe-a-l-hotel',
      title: 'Café à l’hôtel </script><script>alert(1)</script> « accueil »',
      excerpt: 'Où l’on parle d’accueil, de café noir et de l’été à Paris.',
      language: 'fr',
      authorId: ids.author.id,
      categoryIds: [ids.essays.id],
    }),
  )
  await createPost(db, postInput({ slug: 'english-post', authorId: ids.otherAuthor.id }))
})

describe('what reader pages say about themselves', () => {
  it('home: one h1, canonical, description, Open Graph, Twitter, WebSite JSON-LD, feeds', async () => {
    const html = await fetchHtml('/')
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(canonical(html)).toBe(`${BASE}/`)
    expect(meta(html, 'description')).toBe('Notes on brand hospitality — essais et curiosités')
    expect(meta(html, 'og:url')).toBe(`${BASE}/`)
    expect(meta(html, 'og:type')).toBe('website')
    expect(meta(html, 'og:site_name')).toBe('Maison &amp; Hôte')
    expect(meta(html, 'twitter:card')).toBe('summary')
    const [website] = jsonLd(html)
    expect(website['@type']).toBe('WebSite')
    expect(JSON.stringify(website)).toContain(`${BASE}/search?q={search_term_string}`)
    expect(feedHrefs(html)).toEqual([
      'application/rss+xml /rss.xml',
      'application/atom+xml /atom.xml',
      'application/feed+json /feed.json',
    ])
  })

  it('has a small navigation in the header: home, notes, categories, search, feed', async () => {
    const html = await fetchHtml('/categories/essais')
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)![0]
    const links = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1])
    expect(links).toEqual(['/', '/notes', '/categories', '/search', '/rss.xml'])
    expect(nav).toContain('<a href="/categories" aria-current="page">')
  })

  it('category page: its own canonical, description and feeds before the blog’s', async () => {
    const html = await fetchHtml('/categories/essais')
    expect(canonical(html)).toBe(`${BASE}/categories/essais`)
    expect(meta(html, 'description')).toBe('Every post in Essais, on Maison &amp; Hôte.')
    expect(feedHrefs(html).slice(0, 4)).toEqual([
      'application/rss+xml /categories/essais/rss.xml',
      'application/atom+xml /categories/essais/atom.xml',
      'application/feed+json /categories/essais/feed.json',
      'application/rss+xml /rss.xml',
    ])
  })

  it('author page: the bio as description and the author’s feeds', async () => {
    const html = await fetchHtml('/authors/claire-dubois')
    expect(canonical(html)).toBe(`${BASE}/authors/claire-dubois`)
    expect(meta(html, 'description')).toBe('Writes about hotels and the people who keep them.')
    expect(feedHrefs(html)[0]).toBe('application/rss+xml /authors/claire-dubois/rss.xml')
  })

  it('a page further down a list is its own canonical address; a restored list is the first', async () => {
    const cursor = encodeCursor({ publishedAt: Date.now(), id: 99 })
    expect(canonical(await fetchHtml(`/?after=${cursor}`))).toBe(`${BASE}/?after=${cursor}`)
    expect(canonical(await fetchHtml(`/?through=${cursor}`))).toBe(`${BASE}/`)
  })

  it('French post: lang and hreflang fr, article Open Graph, BlogPosting and BreadcrumbList', async () => {
    const html = await fetchHtml('/posts/cafe-a-l-hotel')
    expect(html).toMatch(/<html lang="fr">/)
    expect(html).toMatch(/<header class="site-header" lang="en">/)
    expect(html).toContain(
      `<link rel="alternate" hreflang="fr" href="${BASE}/posts/cafe-a-l-hotel"/>`,
    )
    expect(meta(html, 'og:type')).toBe('article')
    expect(meta(html, 'og:locale')).toBe('fr_FR')
    expect(meta(html, 'description')).toBe(
      'Où l’on parle d’accueil, de café noir et de l’été à Paris.',
    )
    expect(meta(html, 'article:tag')).toBe('Essais')
    const [posting, breadcrumbs] = jsonLd(html)
    expect(posting).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'Café à l’hôtel </script><script>alert(1)</script> « accueil »',
      inLanguage: 'fr',
      author: { '@type': 'Person', name: 'Claire Dubois', url: `${BASE}/authors/claire-dubois` },
      url: `${BASE}/posts/cafe-a-l-hotel`,
    })
    expect(Date.parse(posting.datePublished as string)).toBeGreaterThan(0)
    expect(posting).not.toHaveProperty('image')
    expect(breadcrumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, item: `${BASE}/` },
        { position: 2, name: 'Essais', item: `${BASE}/categories/essais` },
        { position: 3, item: `${BASE}/posts/cafe-a-l-hotel` },
      ],
    })
    // The hostile title never closes the JSON-LD block.
    expect(html.match(/<script/g)).toHaveLength(3)
  })

  it('English post: lang and hreflang en', async () => {
    const html = await fetchHtml('/posts/english-post')
    expect(html).toMatch(/<html lang="en">/)
    expect(html).toContain(
      `<link rel="alternate" hreflang="en" href="${BASE}/posts/english-post"/>`,
    )
    expect(meta(html, 'og:locale')).toBe('en_US')
  })

  it('search, categories and privacy pages have canonical and description too', async () => {
    for (const path of ['/categories', '/search', '/privacy']) {
      const response = await exports.default.fetch(`${BASE}${path}`)
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(canonical(html)).toBe(`${BASE}${path}`)
      expect(meta(html, 'description')).toBeTruthy()
      expect(meta(html, 'og:title')).toBeTruthy()
    }
  })

  it('takes a featured image into Open Graph, Twitter and JSON-LD when a post has one', async () => {
    const post = (await findPublishedPost(db, 'english-post', Date.now()))!
    const site = { url: BASE, name: 'Blog', tagline: '', locale: 'en', timeZone: 'UTC' } as Site
    const pageMeta = postPageMeta({ ...site, t: messagesFor('en') }, post, {
      url: '/media/cover.jpg',
      alt: 'A lobby',
      width: 1200,
      height: 630,
    })
    expect(pageMeta.jsonLd![0]).toMatchObject({ image: [`${BASE}/media/cover.jpg`] })
    const head = String(
      <HeadMeta site={site} title="t" description="d" path="/posts/english-post" {...pageMeta} />,
    )
    expect(meta(head, 'og:image')).toBe(`${BASE}/media/cover.jpg`)
    expect(meta(head, 'og:image:alt')).toBe('A lobby')
    expect(meta(head, 'twitter:card')).toBe('summary_large_image')
    expect(meta(head, 'twitter:image')).toBe(`${BASE}/media/cover.jpg`)
  })
})
