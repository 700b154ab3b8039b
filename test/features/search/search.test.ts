import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../../src/index'
import { createPost } from '../../../src/features/posts/writes'
import { createAuthorAndCategories, db, postInput } from '../../fixtures'
import { flushAudience } from '../../../src/features/audience/shards'

const BASE = 'https://blog.example'
const search = (q: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`${BASE}/search?q=${encodeURIComponent(q)}`, { headers })
const resultSlugs = (html: string) =>
  [...html.matchAll(/<h2><a href="\/posts\/([^"]+)">/g)].map((m) => m[1])

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  await createPost(
    db,
    postInput({
      slug: 'les-cles',
      title: 'Les clés de l’hôtel',
      html: '<p>Un hôtel à Paris.</p>',
      language: 'fr',
      authorId: author.id,
    }),
  )
  await createPost(
    db,
    postInput({
      slug: 'hostile',
      title: '<script>alert(1)</script> & <b>lobby</b>',
      excerpt: '<img src=x onerror=alert(1)> lobby',
      html: '<p>The lobby &lt;script&gt;alert(2)&lt;/script&gt;</p>',
      authorId: author.id,
    }),
  )
})

describe('/search', () => {
  // First, before other requests' counts (not awaited) run alongside it.
  it('neither stores nor counts the words searched', async () => {
    const ctx = createExecutionContext()
    const request = new Request(`${BASE}/search?q=zanzibarquery`, {
      headers: {
        'User-Agent':
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
        Referer: `${BASE}/search?q=zanzibarreferrer`,
      },
    })
    const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx)
    await response.text()
    await waitOnExecutionContext(ctx)
    await flushAudience(env)
    const counted = await env.DB.prepare('SELECT metric, key FROM audience_daily_counts').all<{
      metric: string
      key: string
    }>()
    expect(counted.results).toContainEqual({ metric: 'page', key: '/search' })
    const dump = JSON.stringify(counted.results)
    expect(dump).not.toContain('zanzibar')
  })

  it('without JavaScript: a plain GET form, and a full page of highlighted results', async () => {
    const empty = await (await exports.default.fetch(`${BASE}/search`)).text()
    expect(empty).toContain(
      '<form class="search-form" action="/search" method="get" role="search">',
    )
    expect(empty).toMatch(/<input id="search-q" type="search" name="q" value=""/)
    const response = await search('CLES')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(resultSlugs(html)).toEqual(['les-cles'])
    expect(html).toContain('Les <mark>clés</mark> de l’hôtel')
    expect(html).toMatch(/<p id="search-count"[^>]*role="status"[^>]*>1 result.<\/p>/)
    expect(html).toContain('value="CLES"')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
  })

  it('with htmx: only the results, the count for the live region, and debounced, synced requests', async () => {
    const page = await (await search('')).text()
    expect(page).toContain('hx-trigger="input changed delay:250ms, search"')
    expect(page).toContain('hx-sync="replace"')
    const response = await search('hotel', { 'HX-Request': 'true' })
    expect(response.headers.get('Vary')).toContain('HX-Request')
    const html = await response.text()
    expect(html).not.toContain('<html')
    expect(resultSlugs(html)).toEqual(['les-cles'])
    expect(html).toContain(
      '<hx-partial hx-target="#search-count" hx-swap="innerHTML">1 result.</hx-partial>',
    )
  })

  it('shows a hostile title as text', async () => {
    const html = await (await search('lobby')).text()
    expect(resultSlugs(html)).toEqual(['hostile'])
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;<mark>lobby</mark>',
    )
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
  })

  it('never fails on odd input', async () => {
    const inputs = ['', ' ', '"', '*', 'NEAR(', '-', ':', '"unbalanced', 'a AND', 'x'.repeat(1000)]
    for (const q of inputs) {
      const response = await search(q)
      expect(response.status, q).toBe(200)
      await response.text()
    }
    const repeated = await exports.default.fetch(`${BASE}/search?q=a&q=b`)
    expect(repeated.status).toBe(200)
    expect(await (await search('zzzz')).text()).toContain('No results.')
  })
})
