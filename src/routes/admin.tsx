import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { createMiddleware } from 'hono/factory'
import { loadEditor, noStore } from '../auth/editor-session'
import { streamingBodyLimit } from '../middleware/body-limit'
import type { AdminEnv } from '../types'
import { adminAccountRoutes } from './admin-account'
import { adminAuthorRoutes } from './admin-authors'
import { adminAnalyticsCsvRoute, adminAnalyticsRoutes } from './admin-analytics'
import { adminManifestRoute } from './admin-manifest'
import { adminNoteRoutes } from './admin-notes'
import { adminMediaRoutes } from './admin-media'
import { adminPostRoutes } from './admin-posts'
import { adminSessionRoutes } from './admin-session'
import { adminShareRoutes } from './admin-share'
import { adminUserRoutes } from './admin-users'

// A post body may be 256 KB (the form says so itself); anything far larger is not a post.
const MAX_REQUEST_BYTES = 1024 * 1024
const limitPostBody = streamingBodyLimit(MAX_REQUEST_BYTES)

// Image uploads (10 MB) are limited by their own route, which answers with the media page.
const limitBody = createMiddleware<AdminEnv>((c, next) =>
  c.req.method === 'POST' && c.req.path === '/admin/media' ? next() : limitPostBody(c, next),
)

/**
 * Everything under /admin: never cached (refusals included), cross-site form posts refused,
 * bodies bounded, the session read once.
 */
export const adminRoutes = new Hono<AdminEnv>()
  .use(noStore, csrf(), limitBody, loadEditor)
  .route('/', adminSessionRoutes)
  .route('/posts', adminPostRoutes)
  .route('/media', adminMediaRoutes)
  .route('/users', adminUserRoutes)
  .route('/authors', adminAuthorRoutes)
  .route('/account', adminAccountRoutes)
  .route('/analytics', adminAnalyticsRoutes)
  .route('/analytics.csv', adminAnalyticsCsvRoute)
  .route('/notes', adminNoteRoutes)
  .route('/share', adminShareRoutes)
  .route('/manifest.webmanifest', adminManifestRoute)
