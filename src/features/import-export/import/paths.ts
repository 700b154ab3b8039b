import { encodeCursor } from '../../../lib/cursor'
import { MAX_REDIRECT_PATH } from '../../redirects'

/**
 * Where this blog serves each kind of page: the targets of the old site's redirects, as routes
 * see them (slugs decoded); the redirect encodes them on the way out.
 */
export const FEED_PATH = '/rss.xml'
export const postPath = (slug: string) => `/posts/${slug}`
export const pagePath = (slug: string) => `/${slug}`
export const categoryPath = (slug: string) => `/categories/${slug}`
export const authorPath = (slug: string) => `/authors/${slug}`

/** A month of the old site's date archive: the home feed from that month's newest post on. */
export function monthArchivePath(year: number, month: number) {
  return `/?after=${encodeCursor({ publishedAt: Date.UTC(year, month, 1), id: 0 })}`
}

/**
 * An old address as the redirect lookup sees it: reader paths lose their trailing slash before
 * the lookup (`/category/x/` is looked up as `/category/x`), the query string stays.
 */
export function lookupPath(path: string) {
  const queryAt = path.indexOf('?')
  const pathname = queryAt < 0 ? path : path.slice(0, queryAt)
  const query = queryAt < 0 ? '' : path.slice(queryAt)
  return (pathname.replace(/\/+$/, '') || '/') + query
}

/**
 * The path (and query) of an old address on the old site; null when it points elsewhere.
 * Paths are kept percent-encoded, as browsers send them.
 */
export function oldPath(link: string | undefined, baseUrl: string): string | null {
  if (!link) return null
  try {
    const url = new URL(link, baseUrl || 'http://old.invalid')
    if (baseUrl && new URL(baseUrl).host !== url.host) return null
    const path = lookupPath(url.pathname + url.search)
    return path.length > 1 && path.length <= MAX_REDIRECT_PATH ? path : null
  } catch {
    return null
  }
}

/**
 * The spellings a browser may send for one old address: WordPress writes percent-escapes in
 * lower case (`caf%c3%a9`), browsers and proxies often in upper case, and routes see the path
 * decoded (`café`), which is how the redirect lookup finds it whatever the case.
 */
export function pathSpellings(path: string): string[] {
  const upper = path.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
  let decoded = path
  try {
    decoded = decodeURI(path)
  } catch {
    // Not valid percent-encoding: only the spellings as sent.
  }
  return [...new Set([path, upper, decoded])]
}
