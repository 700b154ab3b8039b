import { createMiddleware } from 'hono/factory'
import * as v from 'valibot'
import type { Db } from '../../db/client'
import { findRedirect } from './queries'
import { isTrackingParam } from '../../lib/tracking-params'
import type { AppEnv } from '../../types'
import { redirectLookupPath } from './schemas'
import { wirePath } from '../../lib/addresses'

/**
 * Query parameters the reader pages use themselves, or that campaign links add; any other one may
 * be an imported old link.
 */
const READER_PARAMS = new Set(['after', 'through', 'q'])

function hasForeignParams(search: string) {
  return [...new URLSearchParams(search).keys()].some(
    (key) => !READER_PARAMS.has(key) && !isTrackingParam(key),
  )
}

/** A path as routes see it (and as slug changes store it): escapes decoded, `%2F` and the like kept. */
function decodedPath(path: string) {
  try {
    return decodeURI(path)
  } catch {
    return path
  }
}

/** Where the first of `paths` that can be an old address now lives. */
function lookUp(db: Db, paths: string[]) {
  return findRedirect(
    db,
    paths.filter((path) => v.is(redirectLookupPath, path)),
  )
}

/**
 * Old addresses for reader pages: `/posts/x/` answers 301 to `/posts/x`, and a path found in the
 * `redirects` table answers 301 to its new place (stored as routes see it, sent percent-encoded). The table is read only for a page that would be
 * a 404, or for a link with a query string of another engine (`/?p=12`), so live pages cost nothing.
 * It runs behind the page cache, whose entries then hold these answers, 404s and redirects alike:
 * a cached page, a repeated 404 or a trailing slash cost no lookup. Behind the cache, it reads
 * only the part of the query the entry is keyed by; the cache gives the rest back on redirects.
 */
export const redirectOldAddresses = createMiddleware<AppEnv>(async (c, next) => {
  const method = c.req.method
  if ((method !== 'GET' && method !== 'HEAD') || c.req.path.startsWith('/admin')) return next()
  const url = new URL(c.req.url)
  const search = c.var.cachedQuery ?? url.search
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    // Leading slashes collapse too: `//evil.example/` must not become a protocol-relative Location.
    const stripped = `/${url.pathname.replace(/^\/+|\/+$/g, '')}${search}`
    // An imported old address (`/category/x/`) goes straight to its new place: one hop, not two.
    const target = await lookUp(c.var.db, [stripped, decodedPath(stripped)])
    return c.redirect(wirePath(target ?? stripped), 301)
  }
  const withQuery = search ? [url.pathname + search, c.req.path + search] : []
  if (withQuery.length > 0 && hasForeignParams(search)) {
    const target = await lookUp(c.var.db, withQuery)
    if (target) return c.redirect(wirePath(target), 301)
  }
  await next()
  if (c.res.status !== 404) return
  const target = await lookUp(c.var.db, [url.pathname, c.req.path, ...withQuery])
  if (target) c.res = c.redirect(wirePath(target), 301)
})
