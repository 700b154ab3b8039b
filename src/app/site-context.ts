import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { openD1Session } from '../db/client'
import type { AppEnv, Site } from '../types'
import { carriesEditorSession } from '../features/auth'
import { readSiteSettings, seedSettings, siteFrom, type StoredSettings } from '../features/settings'

/** The D1 bookmark an editor's requests start from: read-your-writes across requests. */
const BOOKMARK_COOKIE = 'd1-bookmark'

/**
 * What `getBookmark()` hands out: four dash-separated hex fields. Anything else in the cookie
 * (edited, truncated, from another tool) would fail the request's first query, so it is ignored
 * and the editor starts from the primary, which is never behind.
 */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/

function bookmarkOf(c: Context<AppEnv>) {
  const bookmark = getCookie(c, BOOKMARK_COOKIE, 'host')
  return bookmark && BOOKMARK.test(bookmark) ? bookmark : null
}

function isAdminPath(path: string) {
  return path === '/admin' || path.startsWith('/admin/')
}

function keepBookmark(c: Context<AppEnv>, bookmark: string | null) {
  if (!bookmark) return
  setCookie(c, BOOKMARK_COOKIE, bookmark, {
    prefix: 'host',
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
  })
}

/**
 * The settings this isolate last read, with the content version they were read at: any write to
 * them raises that version, so while the page cache keys a request by the same version, they are
 * the settings of that version and D1 need not be asked again.
 */
const lastRead = new WeakMap<Env, StoredSettings>()

async function settingsFor(c: Context<AppEnv>): Promise<StoredSettings> {
  const known = c.var.contentVersion
  const kept = lastRead.get(c.env)
  if (kept && known !== undefined && kept.contentVersion === known) return kept
  const stored = await readSiteSettings(c.var.db, c.env)
  lastRead.set(c.env, stored)
  return stored
}

/**
 * A Drizzle client on a D1 session and the site's settings for every handler and view: readers'
 * queries may go to the nearest read replica; an editor's start from the primary, or from the
 * bookmark their last admin response left in a cookie. Until `loadSite` runs (`siteSettings`
 * below, once the page cache has missed), `site` holds the wrangler.toml seed, for error pages.
 */
export const siteContext = createMiddleware<AppEnv>(async (c, next) => {
  c.set('site', siteFrom({ settings: seedSettings(c.env), menus: {}, pages: [] }, c.env, c.req.url))
  let loading: Promise<Site> | null = null
  c.set('loadSite', () => {
    loading ??= settingsFor(c).then((stored) => {
      const site = siteFrom(stored, c.env, c.req.url)
      c.set('site', site)
      return site
    })
    return loading
  })
  const editor = await carriesEditorSession(c)
  const start = editor ? (bookmarkOf(c) ?? 'first-primary') : 'first-unconstrained'
  const { db, session } = openD1Session(c.env.DB, start)
  c.set('db', db)
  c.set('d1Session', session)
  await next()
  // Only editors get the cookie, and only from admin pages: readers' pages set none.
  if (editor && isAdminPath(c.req.path)) keepBookmark(c, session.getBookmark())
})

/**
 * The site's settings before any route renders; a page served from the cache never gets here, and
 * images (`/media/`) need none: their route reads R2 alone.
 */
export const siteSettings = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.req.path.startsWith('/media/')) await c.var.loadSite()
  await next()
})
