/**
 * Pages to curate, served on 127.0.0.1 by vitest's global setup (Node), so the Worker under test
 * fetches them over a real socket. The port is passed to the tests and to CURATION_ALLOW_HOSTS.
 */
import { createServer, type Server } from 'node:http'
import type {} from 'vitest'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    fixturePort: number
  }
}

const html = (head: string, body = '<p>Body</p>', lang = 'fr') =>
  `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`

const PAGES: Record<string, string> = {
  '/opengraph.html': html(`
    <meta charset="utf-8"><title>Plain title | Le Monde</title>
    <meta name="description" content="Plain description">
    <meta property="og:title" content="L’hôtellerie « de marque » se réinvente">
    <meta property="og:description" content="Les groupes hôteliers misent sur l’expérience.">
    <meta property="og:site_name" content="Le Monde">
    <meta property="og:url" content="https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html">
    <meta property="og:image" content="https://img.lemonde.fr/cover.jpg">
    <meta property="article:published_time" content="2024-01-15T08:30:00+01:00">`),
  '/twitter.html': html(
    `<meta name="twitter:card" content="summary_large_image">
    <meta name="twitter:title" content="Hospitality brands, explained">
    <meta name="twitter:description" content="Why hotels want to be brands.">
    <meta name="twitter:image" content="https://cdn.example.com/card.png">`,
    '',
    'en-GB',
  ),
  '/plain.html': html(`<title>  Une   page &amp; rien d’autre </title>
    <meta name="description" content="Décrite simplement.">
    <link rel="canonical" href="/plain-canonical">`),
  '/json-ld.html': html(`<title>Avec JSON-LD</title>
    <script type="application/ld+json">{ broken json</script>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":"NewsArticle","headline":"Avec JSON-LD","datePublished":"2023-11-02T10:00:00Z"}]}</script>`),
  '/locale-left-default.html': html(`<title>Une page en français</title>
    <meta property="og:locale" content="en_US">`),
  '/relative-image.html': html(`<title>Relative image</title>
    <meta property="og:image" content="images/cover.png">`),
  '/hostile.html': html(`<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>
    <meta property="og:title" content="&quot;&gt;&lt;script&gt;alert('og')&lt;/script&gt;">
    <meta name="description" content="&lt;img src=x onerror=alert(2)&gt; &amp; co">
    <meta property="og:site_name" content="&lt;b&gt;Evil&lt;/b&gt;">`),
}

/** "Café « crème »" in Latin-1 bytes, labelled UTF-8 by the server. */
const LATIN1_BODY = Buffer.from(
  html('<title>Café « crème »</title><meta name="description" content="Délicieux">'),
  'latin1',
)
/** The same text in UTF-8 bytes, labelled ISO-8859-1 in a meta tag. */
const UTF8_BODY = Buffer.from(
  html('<meta charset="iso-8859-1"><title>Café « crème »</title>'),
  'utf8',
)

/** 5 MB: the metadata is at the start, and a description only after the first megabyte. */
function hugePage() {
  const head = '<!doctype html><html lang="en"><head><title>A very long page</title></head><body>'
  const filler = '<p>' + 'lorem ipsum '.repeat(80) + '</p>\n'
  const parts = [head]
  let size = head.length
  while (size < 5 * 1024 * 1024) {
    parts.push(filler)
    size += filler.length
  }
  parts.push('<meta name="description" content="Too far to read"></body></html>')
  return parts.join('')
}

// A 1×1 transparent PNG.
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export function startFixtureServer(): Promise<Server> {
  let huge: string | null = null
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const send = (status: number, type: string, body: string | Buffer, headers = {}) => {
      res.writeHead(status, { 'Content-Type': type, ...headers })
      res.end(body)
    }
    if (PAGES[path]) return send(200, 'text/html; charset=utf-8', PAGES[path])
    if (path === '/latin1-labelled-utf8.html')
      return send(200, 'text/html; charset=utf-8', LATIN1_BODY)
    if (path === '/utf8-labelled-latin1.html') return send(200, 'text/html', UTF8_BODY)
    if (path === '/huge.html') return send(200, 'text/html; charset=utf-8', (huge ??= hugePage()))
    if (path === '/report.pdf') return send(200, 'application/pdf', '%PDF-1.4 not html')
    if (path === '/images/cover.png') return send(200, 'image/png', PIXEL_PNG)
    if (path === '/redirect-to-loopback')
      return send(302, 'text/plain', '', { Location: 'http://127.0.0.1/admin' })
    if (path === '/redirect-to-decimal-loopback')
      return send(302, 'text/plain', '', { Location: 'http://2130706433/' })
    const hops = /^\/hops\/(\d+)$/.exec(path)
    if (hops) {
      const left = Number(hops[1])
      return send(302, 'text/plain', '', {
        Location: left > 1 ? `/hops/${left - 1}` : '/opengraph.html',
      })
    }
    if (path === '/slow.html')
      return setTimeout(() => send(200, 'text/html', '<title>Late</title>'), 3000)
    if (path === '/echo-headers')
      return send(
        200,
        'text/html',
        html(`<title>${JSON.stringify(req.headers).replace(/</g, '')}</title>`),
      )
    send(404, 'text/html', html('<title>Not found</title>'))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

export default async function setup(project: TestProject) {
  const server = await startFixtureServer()
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('fixture server has no port')
  project.provide('fixturePort', address.port)
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
