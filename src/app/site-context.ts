import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { openD1Session } from '../db/client'
import { messagesFor, toLocale } from '../i18n/site'
import type { AppEnv } from '../types'
import { carriesEditorSession } from '../features/auth'

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
 * Site settings from `wrangler.toml` vars and a Drizzle client on a D1 session, for every handler
 * and view: readers' queries may go to the nearest read replica; an editor's start from the
 * primary, or from the bookmark their last admin response left in a cookie.
 */
export const siteContext = createMiddleware<AppEnv>(async (c, next) => {
  const locale = toLocale(c.env.SITE_LOCALE)
  c.set('site', {
    url: (c.env.SITE_URL || new URL(c.req.url).origin).replace(/\/+$/, ''),
    name: c.env.SITE_NAME,
    tagline: c.env.SITE_TAGLINE,
    locale,
    timeZone: c.env.SITE_TIMEZONE || 'UTC',
    t: messagesFor(locale),
    responsiveImages: Boolean(c.env.IMAGES),
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
