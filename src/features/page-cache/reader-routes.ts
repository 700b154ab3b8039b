import { tryDecodeURIComponent } from 'hono/utils/url'
import { FEED_FILES } from '../../lib/feed-links'

/**
 * Which reader addresses can be pages, route by route, so that the page cache can tell a 404
 * from its address and the known addresses alone (known-addresses.ts), without D1. Every reader
 * route of src/index.tsx must be listed here: test/features/page-cache/not-found-paths.test.ts
 * compares this list with the app's routes, since a route missing here would answer 404.
 */

const FEED_FILE_NAMES = Object.values(FEED_FILES)

/** Reader routes whose address is a page whatever the data, as Hono names them (`app.routes`). */
const FIXED_ROUTES = [
  '/',
  '/feed',
  ...FEED_FILE_NAMES.map((file) => `/${file}`),
  '/sitemap.xml',
  '/robots.txt',
  '/notes',
  '/categories',
  '/privacy',
  '/search',
  // Follow by email (features/subscriptions).
  '/subscribe',
]
const FIXED = new Set(FIXED_ROUTES)

/** `/sitemap-<n>.xml` depends on how many addresses there are: always left to its route. */
const SITEMAP_FILE_ROUTE = '/:file{sitemap-[0-9]{1,6}\\.xml}'
const SITEMAP_FILE = /^\/sitemap-[0-9]{1,6}\.xml$/

/** Pages live at the root, `/<slug>` (features/pages, mounted after every other route). */
export const PAGES_PREFIX = ''
export const POSTS_PREFIX = '/posts'
export const CATEGORIES_PREFIX = '/categories'
export const AUTHORS_PREFIX = '/authors'

/**
 * Routes with a slug, `<prefix>/:slug` and the feeds under it: a page only when the post, page,
 * category or author exists, known as the address `<prefix>/<slug>`.
 */
const SLUG_ROUTES = [
  { prefix: PAGES_PREFIX, files: [] as string[] },
  { prefix: POSTS_PREFIX, files: [] as string[] },
  { prefix: CATEGORIES_PREFIX, files: FEED_FILE_NAMES },
  { prefix: AUTHORS_PREFIX, files: FEED_FILE_NAMES },
]

/**
 * Routes whose last segment is a signed or random token (features/subscriptions): no known
 * address lists them, so their route decides (the same page for every token, cacheable).
 */
const TOKEN_ROUTES = [
  { route: '/subscribe/confirm/:token', pattern: /^\/subscribe\/confirm\/[^/]+$/ },
  { route: '/unsubscribe/:token', pattern: /^\/unsubscribe\/[^/]+$/ },
]

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// Hono's `:slug` is one segment, `[^/]+`, matched against the decoded path (`c.req.path`).
const SLUG_PATTERNS = SLUG_ROUTES.map(({ prefix, files }) => ({
  prefix,
  pattern: new RegExp(
    `^${escaped(prefix)}/([^/]+)${files.length ? `(?:/(?:${files.map(escaped).join('|')}))?` : ''}$`,
  ),
}))

/** Every reader route, as Hono lists it: what the routes test compares with the app's. */
export const READER_ROUTES = [
  ...FIXED_ROUTES,
  ...TOKEN_ROUTES.map(({ route }) => route),
  SITEMAP_FILE_ROUTE,
  ...SLUG_ROUTES.flatMap(({ prefix, files }) => [
    `${prefix}/:slug`,
    ...files.map((file) => `${prefix}/:slug/${file}`),
  ]),
]

/**
 * The known addresses that decide whether the reader address at `path` (the decoded path the
 * router matches, `c.req.path`) is a page: the path itself (an old address may redirect from it)
 * and, on a slug route, `<prefix>/<slug>` with the slug decoded as Hono hands it to the route.
 * If none of them is known, the answer is the 404 page. Null when the address may be something
 * else whatever is known: a fixed page, a sitemap file, or a trailing slash (a redirect).
 */
export function decidingAddresses(path: string): string[] | null {
  if (path.length > 1 && path.endsWith('/')) return null
  if (FIXED.has(path) || SITEMAP_FILE.test(path)) return null
  if (TOKEN_ROUTES.some(({ pattern }) => pattern.test(path))) return null
  const addresses = [path]
  for (const { prefix, pattern } of SLUG_PATTERNS) {
    const match = pattern.exec(path)
    if (match) addresses.push(`${prefix}/${tryDecodeURIComponent(match[1])}`)
  }
  return addresses
}
