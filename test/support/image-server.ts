/**
 * Vitest global setup: a local HTTP server standing in for an old blog's uploads folder, so the
 * importer's image download runs against real HTTP. It serves the fixture PNGs by file name under
 * any path (as HTML under a path holding `/as-html/`); anything else is a 404.
 * `/redirect?to=<address>` redirects there, and `/requests` lists the paths asked for so far, so
 * tests can tell that an address was refused without being requested.
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

const FIXTURES = path.resolve(import.meta.dirname, '../features/import-export/import/fixtures')

/** The server on a free loopback port; `url` is its origin, `/requests` lists what was asked. */
export async function serveFixtureImages() {
  const requested: string[] = []
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x')
    if (url.pathname === '/requests')
      return response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(requested))
    requested.push(url.pathname)
    if (url.pathname === '/redirect')
      return response.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end()
    const name = path.basename(url.pathname)
    if (!/^[a-z0-9-]+\.png$/.test(name)) return response.writeHead(404).end()
    try {
      const bytes = await readFile(path.join(FIXTURES, name))
      const type = url.pathname.includes('/as-html/') ? 'text/html' : 'image/png'
      response.writeHead(200, { 'content-type': type }).end(bytes)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export default async function setup(project: TestProject) {
  const server = await serveFixtureImages()
  // Typed for the tests in test/env.d.ts (ProvidedContext), which this Node config does not load.
  const provide = project.provide as (key: string, value: string) => void
  provide('imageServer', server.url)
  return server.close
}
