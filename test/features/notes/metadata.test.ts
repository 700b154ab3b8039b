import { env } from 'cloudflare:workers'
import { describe, expect, inject, it } from 'vitest'
import { extractMetadata } from '../../../src/features/notes/curation/metadata'
import { isHtml, MAX_PAGE_BYTES, safeFetch } from '../../../src/lib/safe-fetch'

const base = `http://127.0.0.1:${inject('fixturePort')}`
const allowedHosts = env.CURATION_ALLOW_HOSTS!.split(',')

async function fetchPage(path: string) {
  return safeFetch(`${base}${path}`, { allowedHosts, accept: isHtml })
}

async function metadataOf(path: string) {
  const page = await fetchPage(path)
  if (!page.ok) throw new Error(`${path} refused: ${page.reason}`)
  return extractMetadata(page.bytes, page.contentType, page.url, page.truncated)
}

describe('metadata from fixture pages', () => {
  it('reads OpenGraph first, over the plain title and description', async () => {
    expect(await metadataOf('/opengraph.html')).toEqual({
      title: 'L’hôtellerie « de marque » se réinvente',
      description: 'Les groupes hôteliers misent sur l’expérience.',
      siteName: 'Le Monde',
      canonicalUrl: 'https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html',
      language: 'fr',
      publishedAt: '2024-01-15T08:30:00+01:00',
      imageUrl: 'https://img.lemonde.fr/cover.jpg',
    })
  })

  it('reads Twitter cards and the language of <html lang>', async () => {
    expect(await metadataOf('/twitter.html')).toMatchObject({
      title: 'Hospitality brands, explained',
      description: 'Why hotels want to be brands.',
      imageUrl: 'https://cdn.example.com/card.png',
      language: 'en',
    })
  })

  it('takes the language <html lang> declares over an og:locale left at its default', async () => {
    expect((await metadataOf('/locale-left-default.html')).language).toBe('fr')
  })

  it('falls back to <title>, <meta name=description> and a relative canonical link', async () => {
    expect(await metadataOf('/plain.html')).toMatchObject({
      title: 'Une page & rien d’autre',
      description: 'Décrite simplement.',
      canonicalUrl: `${base}/plain-canonical`,
      siteName: '',
      imageUrl: '',
    })
  })

  it('finds datePublished in JSON-LD, past a broken block and inside @graph', async () => {
    expect((await metadataOf('/json-ld.html')).publishedAt).toBe('2023-11-02T10:00:00Z')
  })

  it('resolves a relative og:image against the page address', async () => {
    expect((await metadataOf('/relative-image.html')).imageUrl).toBe(`${base}/images/cover.png`)
  })

  it('reads pages whose declared charset is wrong, either way', async () => {
    expect(await metadataOf('/latin1-labelled-utf8.html')).toMatchObject({
      title: 'Café « crème »',
      description: 'Délicieux',
    })
    expect((await metadataOf('/utf8-labelled-latin1.html')).title).toBe('Café « crème »')
  })

  it('reads only the first megabyte of a 5 MB page and still parses it', async () => {
    const page = await fetchPage('/huge.html')
    expect(page.ok).toBe(true)
    if (!page.ok) return
    expect(page.truncated).toBe(true)
    expect(page.bytes.byteLength).toBe(MAX_PAGE_BYTES)
    const metadata = await extractMetadata(page.bytes, page.contentType, page.url, true)
    expect(metadata.title).toBe('A very long page')
    // The description sits after the fifth megabyte: never read.
    expect(metadata.description).toBe('')
  })

  it('decodes hostile values to plain text; escaping is left to the page that shows them', async () => {
    expect(await metadataOf('/hostile.html')).toMatchObject({
      title: `"><script>alert('og')</script>`,
      description: '<img src=x onerror=alert(2)> & co',
      siteName: '<b>Evil</b>',
    })
  })

  it('refuses a non-HTML address', async () => {
    expect(await fetchPage('/report.pdf')).toEqual({ ok: false, reason: 'wrongType' })
  })

  it('refuses a page that redirects to 127.0.0.1, in any spelling', async () => {
    expect(await fetchPage('/redirect-to-loopback')).toEqual({
      ok: false,
      reason: 'privateAddress',
    })
    expect(await fetchPage('/redirect-to-decimal-loopback')).toEqual({
      ok: false,
      reason: 'privateAddress',
    })
  })

  it('follows up to 3 redirects, and refuses a fourth', async () => {
    const three = await fetchPage('/hops/3')
    expect(three.ok && three.url.pathname).toBe('/opengraph.html')
    expect(await fetchPage('/hops/4')).toEqual({ ok: false, reason: 'tooManyRedirects' })
  })

  it('gives up after the timeout', async () => {
    const started = Date.now()
    const slow = await safeFetch(`${base}/slow.html`, {
      allowedHosts,
      accept: isHtml,
      timeoutMs: 200,
    })
    expect(slow).toEqual({ ok: false, reason: 'timeout' })
    expect(Date.now() - started).toBeLessThan(2500)
  })

  it('sends no cookie, credentials or referrer', async () => {
    const title = (await metadataOf('/echo-headers')).title.toLowerCase()
    expect(title).toContain('"host"')
    expect(title).not.toContain('cookie')
    expect(title).not.toContain('authorization')
    expect(title).not.toContain('referer')
  })
})
