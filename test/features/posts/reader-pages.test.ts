import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../../src/index'
import { createPost } from '../../../src/features/posts/writes'
import { encodeCursor } from '../../../src/lib/cursor'
import {
  createAuthorAndCategories,
  createPublishedPosts,
  db,
  HOUR,
  postInput,
} from '../../fixtures'

const BASE = 'https://blog.example'
const fetchPage = (path: string, init?: RequestInit) =>
  exports.default.fetch(`${BASE}${path}`, init)
const htmx = { headers: { 'HX-Request': 'true' } }

function postSlugs(html: string): string[] {
  return [...html.matchAll(/<h2><a href="\/posts\/([^"]+)">/g)].map((m) => m[1])
}

function loadMoreHref(html: string): string | null {
  const match = /<a class="load-more" href="([^"]+)"/.exec(html)
  return match ? match[1].replace(/&amp;/g, '&') : null
}

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createPublishedPosts(25, ids.author.id, [ids.essays.id, ids.notes.id])
  await createPost(
    db,
    postInput({
      slug: 'cafe-a-l-hotel',
      title: 'Café à l’hôtel : « l’accueil » avant tout',
      excerpt: 'Où l’on parle d’accueil, de café noir et de l’été à Paris.',
      html: '<h2>Un hôtel</h2><p>L’été à « Paris ».</p>',
      language: 'fr',
      authorId: ids.otherAuthor.id,
      categoryIds: [ids.notes.id],
      publishedAt: new Date(Date.UTC(2023, 11, 1, 10)),
    }),
  )
  await createPost(
    db,
    postInput({ slug: 'secret-draft', authorId: ids.author.id, status: 'draft' }),
  )
  await createPost(
    db,
    postInput({
      slug: 'future-post',
      authorId: ids.author.id,
      status: 'scheduled',
      publishedAt: new Date(Date.now() + 24 * HOUR),
    }),
  )
})

describe('home page', () => {
  it('shows the site name, tagline, and the ten newest posts with byline and excerpt', async () => {
    const response = await fetchPage('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/text\/html/)
    const html = await response.text()
    expect(html).toContain('<title>Maison &amp; Hôte</title>')
    expect(html).toContain(env.SITE_TAGLINE)
    expect(postSlugs(html)).toEqual([
      'post-25',
      'post-24',
      'post-23',
      'post-22',
      'post-21',
      'post-20',
      'post-19',
      'post-18',
      'post-17',
      'post-16',
    ])
    expect(html).toMatch(
      /By <a href="\/authors\/claire-dubois">Claire Dubois<\/a> \| <time datetime="[^"]+">January 1\dth, 2024<\/time> \| Categories: <a href="\/categories\/essais" rel="tag">Essais<\/a>, <a href="\/categories\/notes" rel="tag">Notes<\/a> \|/,
    )
    expect(html).toContain('<p class="excerpt">Excerpt of post-25</p>')
  })

  it('ends with a Load More link that htmx upgrades to infinite scroll', async () => {
    const html = await (await fetchPage('/')).text()
    const href = loadMoreHref(html)
    expect(href).toMatch(/^\/\?after=[A-Za-z0-9_-]+$/)
    expect(html).toContain(`hx-get="${href}"`)
    expect(html).toContain('hx-trigger="click, intersect once"')
    expect(html).toContain('hx-swap="outerHTML"')
    expect(html).toContain('Load More Posts')
    expect(html).toMatch(
      /<p id="feed-status" class="visually-hidden" role="status" aria-live="polite">/,
    )
    expect(html).toMatch(
      /<script src="\/js\/reader\.[0-9a-f]{8}\.js" data-htmx="\/js\/htmx\.min\.[0-9a-f]{8}\.js" defer=""><\/script>/,
    )
    expect(html).not.toContain('<script src="/js/htmx.')
  })

  it('answers a Load More from htmx with a fragment, and the address of what is on screen', async () => {
    const href = loadMoreHref(await (await fetchPage('/')).text())!
    const response = await fetchPage(href, htmx)
    expect(response.status).toBe(200)
    expect(response.headers.get('Vary')).toMatch(/HX-Request/)
    const html = await response.text()
    expect(html).not.toContain('<html')
    expect(html).not.toContain('<header')
    expect(postSlugs(html)).toEqual([
      'post-15',
      'post-14',
      'post-13',
      'post-12',
      'post-11',
      'post-10',
      'post-9',
      'post-8',
      'post-7',
      'post-6',
    ])
    expect(html).toContain('<p id="feed-status" hx-swap-oob="innerHTML">10 more posts loaded</p>')
    expect(loadMoreHref(html)).toMatch(/^\/\?after=/)
    expect(response.headers.get('HX-Replace-Url')).toMatch(/^\/\?through=[A-Za-z0-9_-]+$/)
  })

  it('serves the same URL as a full page without htmx, with a way back to the latest posts', async () => {
    const href = loadMoreHref(await (await fetchPage('/')).text())!
    const response = await fetchPage(href)
    expect(response.headers.get('Vary')).toMatch(/HX-Request/)
    const html = await response.text()
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(postSlugs(html)[0]).toBe('post-15')
    expect(html).toContain('<a href="/">← Latest posts</a>')
  })

  it('rebuilds the whole list from the replaced address, for the Back button', async () => {
    const href = loadMoreHref(await (await fetchPage('/')).text())!
    const restoreUrl = (await fetchPage(href, htmx)).headers.get('HX-Replace-Url')!
    for (const init of [
      undefined,
      { headers: { 'HX-Request': 'true', 'HX-History-Restore-Request': 'true' } },
    ]) {
      const html = await (await fetchPage(restoreUrl, init)).text()
      expect(html).toMatch(/^<!DOCTYPE html>/)
      expect(postSlugs(html)).toEqual(Array.from({ length: 20 }, (_, i) => `post-${25 - i}`))
      expect(loadMoreHref(html)).toMatch(/^\/\?after=/)
    }
  })

  it('reaches the end of the list, where the control disappears', async () => {
    let href: string | null = '/'
    const seen: string[] = []
    let steps = 0
    while (href) {
      const html = await (await fetchPage(href, steps > 0 ? htmx : undefined)).text()
      seen.push(...postSlugs(html))
      href = loadMoreHref(html)
      steps++
    }
    expect(steps).toBe(3)
    expect(seen).toHaveLength(26)
    expect(new Set(seen).size).toBe(26)
    expect(seen.at(-1)).toBe('cafe-a-l-hotel')
  })

  it('never shows drafts or posts scheduled for later', async () => {
    const html = await (
      await fetchPage('/?through=' + encodeCursor({ publishedAt: 0, id: 0 }))
    ).text()
    expect(postSlugs(html)).toHaveLength(26)
    expect(html).not.toContain('secret-draft')
    expect(html).not.toContain('future-post')
    expect((await fetchPage('/posts/secret-draft')).status).toBe(404)
    expect((await fetchPage('/posts/future-post')).status).toBe(404)
  })
})

describe('bad requests and errors', () => {
  it.each(['/?after=not-a-cursor', '/?after=', '/?through=%00', '/categories/essais?after=abc'])(
    'answers a tampered cursor %s with a 400 page that says so',
    async (path) => {
      const response = await fetchPage(path)
      expect(response.status).toBe(400)
      const html = await response.text()
      expect(html).toContain('<h1>Invalid request</h1>')
      expect(html).toContain('This “load more” link is broken or was changed.')
    },
  )

  it('answers a tampered cursor from htmx with a fragment to swap in place', async () => {
    const response = await fetchPage('/?after=garbage', htmx)
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toMatch(/^<p class="feed-error" role="alert">/)
  })

  it.each(['/posts/nope', '/categories/nope', '/authors/nope', '/no/such/page'])(
    'answers %s with a real 404 page',
    async (path) => {
      const response = await fetchPage(path)
      expect(response.status).toBe(404)
      const html = await response.text()
      expect(html).toMatch(/^<!DOCTYPE html>/)
      expect(html).toContain('<h1>Page not found</h1>')
    },
  )

  it('turns an unexpected failure into a friendly 500, with details only in the log', async () => {
    // A bug, not a D1 outage (those answer 503, see d1-failure.test.ts).
    const brokenDb = {
      prepare() {
        throw new TypeError('a bug: the query builder is on fire')
      },
      batch() {
        throw new TypeError('a bug: the query builder is on fire')
      },
      withSession() {
        return brokenDb
      },
    }
    const logged: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => logged.push(args)
    try {
      const response = await app.request('/', {}, { ...env, DB: brokenDb as unknown as D1Database })
      expect(response.status).toBe(500)
      const html = await response.text()
      expect(html).toContain('<h1>Something went wrong</h1>')
      expect(html).not.toContain('on fire')
    } finally {
      console.error = original
    }
    expect(String(logged.flat())).toContain('on fire')
  })
})

describe('posts, categories and authors', () => {
  it('renders a whole post with its language, byline and neighbours', async () => {
    const response = await fetchPage('/posts/post-20')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<title>Post 20 — Maison &amp; Hôte</title>')
    expect(html).toContain('<article class="post" lang="en">')
    expect(html).toContain('<div class="post-body"><p>Body of post-20</p></div>')
    expect(html).toContain('href="/posts/post-21" rel="prev"')
    expect(html).toContain('href="/posts/post-19" rel="next"')
  })

  it('lists a category with the same Load More', async () => {
    const html = await (await fetchPage('/categories/notes')).text()
    expect(html).toContain('<h1 class="feed-heading">Category: Notes</h1>')
    expect(postSlugs(html)).toHaveLength(10)
    const href = loadMoreHref(html)!
    expect(href).toMatch(/^\/categories\/notes\?after=/)
    const next = await fetchPage(href, htmx)
    expect(next.headers.get('HX-Replace-Url')).toMatch(/^\/categories\/notes\?through=/)
    expect(postSlugs(await next.text())[0]).toBe('post-15')
  })

  it('lists an author', async () => {
    const html = await (await fetchPage('/authors/james-hart')).text()
    expect(html).toContain('<h1 class="feed-heading">Posts by James Hart</h1>')
    expect(postSlugs(html)).toEqual(['cafe-a-l-hotel'])
    expect(loadMoreHref(html)).toBeNull()
  })
})

describe('French', () => {
  const french = { ...env, SITE_LOCALE: 'fr' }

  it('keeps accents and typographic quotes intact, and marks the post language', async () => {
    const html = await (await fetchPage('/posts/cafe-a-l-hotel')).text()
    // Typed with plain spaces; set with narrow no-break spaces so no mark starts a line.
    expect(html).toContain('<h1>Café à l’hôtel\u202f: «\u202fl’accueil\u202f» avant tout</h1>')
    expect(html).toContain('<article class="post" lang="fr">')
    expect(html).toContain('<p>L’été à « Paris ».</p>')
  })

  it('sets a French post’s byline, date and labels in French on an English site', async () => {
    for (const path of ['/posts/cafe-a-l-hotel', '/authors/james-hart']) {
      const html = await (await fetchPage(path)).text()
      expect(html).toMatch(
        /Par <a href="\/authors\/james-hart">James Hart<\/a> \| <time[^>]*>1 décembre 2023<\/time> \| Catégories\u00a0: <a/,
      )
    }
    const english = await (await fetchPage('/posts/post-1')).text()
    expect(english).toMatch(
      /By <a href="\/authors\/[^"]+">[^<]+<\/a> \| <time[^>]*>January 15th, 2024/,
    )
  })

  it('speaks French in the interface when SITE_LOCALE is fr', async () => {
    const html = await (await app.request('/authors/james-hart', {}, french)).text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toMatch(
      /Par <a href="\/authors\/james-hart">James Hart<\/a> \| <time[^>]*>1 décembre 2023<\/time> \| Catégories\u00a0: <a/,
    )
    expect(html).toContain('Articles de James Hart')
    const home = await (await app.request('/', {}, french)).text()
    expect(home).toContain('Plus d’articles')
    const missing = await (await app.request('/posts/nope', {}, french)).text()
    expect(missing).toContain('<h1>Page introuvable</h1>')
  })
})

describe('privacy and security', () => {
  it.each([
    '/',
    '/posts/post-1',
    '/categories/essais',
    '/authors/claire-dubois',
    '/posts/nope',
    '/?after=bad',
  ])('%s sets no cookie and sends the security headers', async (path) => {
    const response = await fetchPage(path)
    expect(response.headers.get('Set-Cookie')).toBeNull()
    const csp = response.headers.get('Content-Security-Policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'self'")
    expect(csp).not.toMatch(/unsafe|https?:/)
    expect(csp).toContain("img-src 'self' data:;")
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Strict-Transport-Security')).toMatch(/max-age=/)
  })

  it.each(['/', '/posts/post-1', '/admin/login'])(
    '%s carries its stylesheet inline, allowed by its hash alone',
    async (path) => {
      const response = await fetchPage(path)
      const html = await response.text()
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
      expect(styles).toHaveLength(1)
      expect(styles[0]).toContain('.post-summary')
      expect(styles[0]).toBe(env.TEST_SITE_CSS)
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(styles[0]))
      const hash = btoa(String.fromCharCode(...new Uint8Array(digest)))
      const styleSrc = /style-src ([^;]+)/.exec(response.headers.get('Content-Security-Policy')!)
      expect(styleSrc?.[1]).toBe(`'self' 'sha256-${hash}'`)
      expect(html).not.toMatch(/<link rel="stylesheet" href="\/css\/site/)
    },
  )

  it('loads nothing from another origin', async () => {
    const html = await (await fetchPage('/posts/post-1')).text()
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    expect(urls.length).toBeGreaterThan(5)
    // Canonical and hreflang links are absolute, on the site's own origin; the icon is inline.
    for (const url of urls)
      expect(url).toMatch(/^(\/(?!\/)|#|https:\/\/blog\.example\/|data:image\/svg\+xml,)/)
    expect(html).toContain('<link rel="icon" href="data:image/svg+xml,%3Csvg')
  })
})

describe('page weight', () => {
  it('keeps the home page HTML under 14 KB gzipped', async () => {
    const html = await (await fetchPage('/')).text()
    const gzipped = await new Response(
      new Response(html).body!.pipeThrough(new CompressionStream('gzip')),
    ).arrayBuffer()
    expect(gzipped.byteLength).toBeLessThan(14 * 1024)
  })
})
