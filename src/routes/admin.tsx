import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { loadEditor } from '../middleware/editor-session'
import type { AdminEnv } from '../types'
import { adminAccountRoutes } from './admin-account'
import { adminAnalyticsCsvRoute, adminAnalyticsRoutes } from './admin-analytics'
import { adminManifestRoute } from './admin-manifest'
import { adminNoteRoutes } from './admin-notes'
import { adminPostRoutes } from './admin-posts'
import { adminSessionRoutes } from './admin-session'
import { adminShareRoutes } from './admin-share'
import { adminUserRoutes } from './admin-users'

// A post body may be 256 KB (the form says so itself); anything far larger is not a post.
const MAX_REQUEST_BYTES = 1024 * 1024

/** Everything under /admin: cross-site form posts refused, the session read once. */
export const adminRoutes = new Hono<AdminEnv>()
  .use(csrf(), bodyLimit({ maxSize: MAX_REQUEST_BYTES }), loadEditor)
  .route('/', adminSessionRoutes)
  .route('/posts', adminPostRoutes)
  .route('/users', adminUserRoutes)
  .route('/account', adminAccountRoutes)
  .route('/analytics', adminAnalyticsRoutes)
  .route('/analytics.csv', adminAnalyticsCsvRoute)
  .route('/notes', adminNoteRoutes)
  .route('/share', adminShareRoutes)
  .route('/manifest.webmanifest', adminManifestRoute)
