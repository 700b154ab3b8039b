import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { openD1Session } from '../../db/client'
import { readContentState, type ContentState } from './content-version'
import { etagOf, isNotModified } from '../../lib/etag'
import { hotPage, keepHotPage, type HotPage } from './hot-pages'
import {
  CONTENT_STATE_MAX_AGE_MS,
  CONTENT_STATE_REUSE_MS,
  contentStateKey,
  entryMaxAge,
  knownAddressesKey,
  notFoundKey,
  pageKey,
  shortHash,
} from './keys'
import {
  cachedKnownAddresses,
  keptKnownAddresses,
  readAndKeepKnownAddresses,
  type KnownAddresses,
} from './known-addresses'
import { fromNotFoundTemplate, toNotFoundTemplate } from './not-found-page'
import { readerQuery } from './reader-query'
import { decidingAddresses } from './reader-routes'
import type { AppEnv } from '../../types'
import { navMarks } from '../../ui/site-nav'
import { carriesEditorSession } from '../auth'

/**
 * Browsers keep reader pages for Back/Forward but ask again on a reload, and usually get a 304:
 * `no-cache` means "revalidate before reuse", unlike `no-store`, which would also disable bfcache.
 */
export const READER_CACHE_CONTROL = 'no-cache'

// A preview address is private to whoever holds it.
const EXCLUDED_PREFIXES = ['/admin/', '/media/', '/preview/']

type CachedState = ContentState & { bookmark: string | null; checkedAt: number }

/**
 * Longer addresses are no reader's page (Cloudflare refuses far shorter ones): never cached. Only
 * the part of the address the page depends on counts, so padding the query gains nothing.
 */
const MAX_CACHED_URL_LENGTH = 2048

/** Answered as for GET, from the same entries: Hono drops the body of a HEAD response. */
const READER_METHODS = ['GET', 'HEAD']

/** Statuses whose answers are entries: pages, 404s, and redirects (old addresses, a trailing /). */
const CACHED_STATUSES = [200, 301, 404]

async function isReaderRequest(c: Context<AppEnv>) {
  if (!READER_METHODS.includes(c.req.method)) return false
  const path = c.req.path
  if (path === '/admin' || EXCLUDED_PREFIXES.some((prefix) => path.startsWith(prefix))) return false
  return !(await carriesEditorSession(c))
}

/** The code and settings that rendered a page: a deploy or a changed var starts a new cache. */
const deployments = new WeakMap<object, string>()
export function deploymentOf(env: Env) {
  let deployment = deployments.get(env)
  if (deployment === undefined) {
    const settings = Object.entries(env).filter(
      ([name, value]) => typeof value === 'string' && /^(SITE|ANALYTICS)_/.test(name),
    )
    // Pages offer resized images only while Cloudflare Images is bound.
    const bindings = { images: Boolean(env.IMAGES) }
    deployment = shortHash(JSON.stringify([env.CF_VERSION_METADATA?.id ?? '', settings, bindings]))
    deployments.set(env, deployment)
  }
  return deployment
}

/** Cache writes happen after the response is sent; readers never wait for them. */
function afterResponse(c: Context<AppEnv>, work: Promise<unknown>) {
  const logged = work.catch((error) => console.error('Page cache: write failed.', error))
  try {
    c.executionCtx.waitUntil(logged)
  } catch {
    return logged // app.request() without a runtime context: finish before answering.
  }
}

const isExpired = (state: CachedState, now: number) =>
  Math.abs(now - state.checkedAt) > CONTENT_STATE_MAX_AGE_MS ||
  (state.nextPublicationAt !== null && now >= state.nextPublicationAt)

// The probe's last answer, reused by this isolate for CONTENT_STATE_REUSE_MS: under load, most
// hits then skip the Cache API lookup, at the price of that much delay in the editor's own data
// centre (an editor's save in this isolate replaces it at once).
let lastProbe: { key: string; state: CachedState; at: number } | null = null

function rememberProbe(key: string, state: CachedState, now: number) {
  lastProbe = { key, state, at: now }
}

/** After an editor's write: this data centre's content state, read again before they see it. */
async function refreshContentState(c: Context<AppEnv>) {
  const key = contentStateKey(new URL(c.req.url), deploymentOf(c.env))
  await (
    await storeContentState(c, await openPages(), key, Date.now())
  ).written
}

/**
 * After a write made without an editor's session (an agent through /mcp): as after an editor's
 * save, this data centre's next reader request sees it at once.
 */
export async function refreshAfterWrite(c: Context<AppEnv>) {
  if (c.env.PAGE_CACHE !== 'off') await refreshContentState(c)
}

/**
 * The content state for this request: from the cache while it is fresh (with the D1 bookmark it
 * was read at), from D1 otherwise, then cached for the next requests of this data centre.
 */
async function contentState(c: Context<AppEnv>, cache: Cache, key: string, now: number) {
  const recent = lastProbe
  const reusable =
    recent?.key === key && now >= recent.at && now - recent.at < CONTENT_STATE_REUSE_MS
  if (reusable && !isExpired(recent.state, now)) return { state: recent.state, written: null }
  const cached = await cache.match(key)
  if (cached) {
    const state = (await cached.json()) as CachedState
    if (!isExpired(state, now)) {
      rememberProbe(key, state, now)
      return { state, written: null }
    }
  }
  return storeContentState(c, cache, key, now)
}

async function storeContentState(c: Context<AppEnv>, cache: Cache, key: string, now: number) {
  const state: CachedState = {
    ...(await readContentState(c.var.db, now)),
    bookmark: c.var.d1Session.getBookmark(),
    checkedAt: now,
  }
  rememberProbe(key, state, now)
  const maxAge = Math.ceil(CONTENT_STATE_MAX_AGE_MS / 1000)
  const entry = Response.json(state, { headers: { 'Cache-Control': `max-age=${maxAge}` } })
  return { state, written: cache.put(key, entry) }
}

type PageParts = { body: BodyInit | null; status: number; headers: HeadersInit }

/**
 * A redirect keeps the parameters its entry was not keyed by (`utm_source`, unknown ones), as it
 * did before it was cached: `/posts/x/?utm_source=news` goes to `/posts/x?utm_source=news`.
 */
function withDroppedQuery(headers: Headers, dropped: string) {
  const location = headers.get('Location')
  if (!dropped || !location?.startsWith('/')) return
  headers.set('Location', `${location}${location.includes('?') ? '&' : '?'}${dropped}`)
}

function forReader(page: PageParts, request: Request, cacheStatus: string, dropped = '') {
  const response = new Response(page.body, { status: page.status, headers: page.headers })
  const { headers } = response
  headers.set('Cache-Control', READER_CACHE_CONTROL)
  headers.set('X-Page-Cache', cacheStatus)
  if (page.status === 301) withDroppedQuery(headers, dropped)
  const lastModified = headers.get('Last-Modified')
  const notModified = isNotModified(
    request.headers,
    headers.get('ETag'),
    lastModified ? new Date(lastModified) : null,
  )
  if (page.status === 200 && notModified) {
    // Content-Type stays, so the audience counter still knows this was a page view.
    return new Response(null, { status: 304, headers })
  }
  return response
}

const openPages = () => caches.open('pages')

/** An entry from this isolate's hot pages, or else from the Cache API; null if neither has it. */
async function cachedEntry(cache: Cache, key: string, state: ContentState, now: number) {
  const hot = hotPage(key, now)
  if (hot) return hot
  const hit = await cache.match(key)
  if (!hit) return null
  const body = await hit.arrayBuffer()
  return keepHotPage(key, hit, body, now + entryMaxAge(hit.status, state, now) * 1000)
}

async function putEntry(
  cache: Cache,
  key: string,
  state: ContentState,
  page: { body: ArrayBuffer; status: number; headers: Headers },
) {
  const maxAge = entryMaxAge(page.status, state, Date.now())
  if (maxAge < 1) return
  const entry = new Response(page.body, { status: page.status, headers: page.headers })
  entry.headers.set('Cache-Control', `max-age=${maxAge}`)
  keepHotPage(key, entry, page.body, Date.now() + maxAge * 1000)
  await cache.put(key, entry)
}

/** Certainly no page: none of the addresses that decide it (reader-routes.ts) is known. */
const isNoPage = (deciding: string[] | null, known: KnownAddresses | undefined) =>
  Boolean(deciding && known && !deciding.some((address) => known.has(address)))

type NotFoundKeys = { shared: string; own: string }

/**
 * The shared 404 entry's key depends on the header's and footer's links this address marks: the
 * settings, which this isolate usually holds for this content version already (site-context.ts).
 * Loaded here, they are also what a 404 rendered before the `siteSettings` middleware shows.
 */
async function notFoundKeys(
  c: Context<AppEnv>,
  state: ContentState,
  deployment: string,
  own: string,
): Promise<NotFoundKeys> {
  const site = await c.var.loadSite()
  const shared = notFoundKey(c.req.raw, state, deployment, navMarks(site, c.req.path))
  return { shared, own }
}

/**
 * Keeps a 404 page rendered by the app's own `notFound` for this address: as the entry every
 * address known to be no page shares, or, when the page cannot be shared (not-found-page.ts),
 * as this address's own entry (unless `ownKept`).
 */
async function keepNotFound(
  c: Context<AppEnv>,
  cache: Cache,
  state: ContentState,
  keys: NotFoundKeys,
  rendered: Response,
  ownKept = false,
) {
  const body = await rendered.text()
  const headers = new Headers(rendered.headers)
  const template = toNotFoundTemplate(body, c.var.site, c.req.path)
  const page = (text: string) => ({
    body: new TextEncoder().encode(text).buffer as ArrayBuffer,
    status: 404,
    headers,
  })
  const written =
    template !== null
      ? putEntry(cache, keys.shared, state, page(template))
      : ownKept
        ? Promise.resolve()
        : putEntry(cache, keys.own, state, page(body))
  return { body, headers, written }
}

function sharedNotFound(c: Context<AppEnv>, entry: HotPage): PageParts {
  const template = new TextDecoder().decode(entry.body)
  return {
    body: fromNotFoundTemplate(template, c.var.site, c.req.path),
    status: entry.status,
    // The body's length changed with the address.
    headers: entry.headers.filter(([name]) => name.toLowerCase() !== 'content-length'),
  }
}

/**
 * The answer to an address known to be no page, with no D1 call: the shared 404 entry filled in
 * with this address, or this address's own entry, or else the app's 404 page, rendered here
 * (it reads nothing) and kept for the next ones.
 */
async function answerNoPage(
  c: Context<AppEnv>,
  cache: Cache,
  state: ContentState,
  keys: NotFoundKeys,
  now: number,
) {
  const shared = await cachedEntry(cache, keys.shared, state, now)
  if (shared) return forReader(sharedNotFound(c, shared), c.req.raw, 'hit')
  const own = await cachedEntry(cache, keys.own, state, now)
  if (own) return forReader(own, c.req.raw, 'hit')
  const rendered = await c.notFound()
  if (rendered.status !== 404) return rendered
  const { body, headers, written } = await keepNotFound(c, cache, state, keys, rendered)
  afterResponse(c, written)
  return forReader({ body, status: 404, headers }, c.req.raw, 'miss')
}

/**
 * The page cache, for every reader GET and HEAD: pages, htmx fragments, feeds, the sitemap, 404s
 * and redirects. Entries are keyed by the content version (db/content-version.ts), so a write
 * reaches every reader page at once, without a purge, and by the part of the query the page
 * depends on (lib/reader-query.ts). Every lookup may miss (on *.workers.dev the Cache API does
 * nothing): the page is then rendered as usual, still with its ETag. After an editor's write, the
 * content state cached for this data centre is refreshed before the editor gets the answer.
 */
export const pageCache = createMiddleware<AppEnv>(async (c, next) => {
  const enabled = c.env.PAGE_CACHE !== 'off'
  if (!(await isReaderRequest(c))) {
    await next()
    const wrote = c.req.method === 'POST' || c.get('contentChanged') === true
    const published = c.get('readerPublished') === true
    if (enabled && wrote && (published || (await carriesEditorSession(c))))
      await refreshContentState(c)
    return
  }

  const now = Date.now()
  let store: ((body: ArrayBuffer, status: number, headers: Headers) => Promise<void>) | null = null
  let afterNotFound: (() => Promise<void>) | null = null
  let cacheStatus = 'off'
  let dropped = ''
  if (enabled) {
    cacheStatus = 'miss'
    const cache = await openPages()
    const deployment = deploymentOf(c.env)
    const url = new URL(c.req.url)
    const stateKey = contentStateKey(url, deployment)
    const { state, written } = await contentState(c, cache, stateKey, now)
    if (written) afterResponse(c, written)
    // What the page will be keyed by: the settings read for a miss may be reused at this version.
    c.set('contentVersion', state.version)
    // `?? []`: a state cached by the code before this field, under the same deployment id.
    const query = readerQuery(url, state.redirectNames ?? [])
    const address = url.pathname + query.kept
    if (url.origin.length + address.length > MAX_CACHED_URL_LENGTH) {
      await next()
      return
    }
    dropped = query.dropped
    c.set('cachedQuery', query.kept)
    const key = pageKey(c.req.raw, address, state, deployment)
    if (!written && state.bookmark) {
      // Render (and read the settings, for a 404 too) from at least the state the version was
      // read at, never from an older replica.
      const { db, session } = openD1Session(c.env.DB, state.bookmark)
      c.set('db', db)
      c.set('d1Session', session)
    }
    // A random address must not cost a render and a D1 lookup each: the addresses that can be
    // pages are known (known-addresses.ts), and one 404 entry serves all others.
    const deciding = decidingAddresses(c.req.path)
    const knownKey = knownAddressesKey(url, deployment, state.version)
    const keys = () => notFoundKeys(c, state, deployment, key)
    if (isNoPage(deciding, keptKnownAddresses(knownKey))) {
      return answerNoPage(c, cache, state, await keys(), now)
    }
    const page = await cachedEntry(cache, key, state, now)
    if (page) return forReader(page, c.req.raw, 'hit', dropped)
    const known = deciding ? await cachedKnownAddresses(cache, knownKey) : null
    if (isNoPage(deciding, known)) return answerNoPage(c, cache, state, await keys(), now)
    store = (body, status, headers) => putEntry(cache, key, state, { body, status, headers })
    if (known === undefined) {
      // This version's addresses are not known here yet: a 404 has them read, once, after it is
      // sent, and leaves the shared 404 entry, so the next unknown address costs no D1 call.
      const db = c.var.db
      afterNotFound = async () => {
        const work = [
          readAndKeepKnownAddresses(db, cache, knownKey, (version) =>
            knownAddressesKey(url, deployment, version),
          ),
        ]
        const notFound = await keys()
        if (!hotPage(notFound.shared, Date.now())) {
          const rendered = await c.notFound()
          work.push((await keepNotFound(c, cache, state, notFound, rendered, true)).written)
        }
        afterResponse(c, Promise.all(work))
      }
    }
  }

  await next()
  const { status } = c.res
  if (!CACHED_STATUSES.includes(status)) return
  const body = await c.res.arrayBuffer()
  const headers = new Headers(c.res.headers)
  if (status === 200 && !headers.has('ETag')) headers.set('ETag', await etagOf(body))
  if (store && !headers.has('Set-Cookie')) afterResponse(c, store(body, status, headers))
  c.res = undefined
  // After `c.res = undefined`: the shared 404 page is rendered afresh, with none of this answer's headers.
  if (status === 404 && afterNotFound) await afterNotFound()
  c.res = forReader({ body, status, headers }, c.req.raw, cacheStatus, dropped)
})
