import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { loadEditor } from '../middleware/editor-session'
import type { AdminEnv } from '../types'
import { adminAccountRoutes } from './admin-account'
import { adminAuthorRoutes } from './admin-authors'
import { adminAnalyticsCsvRoute, adminAnalyticsRoutes } from './admin-analytics'
import { adminPostRoutes } from './admin-posts'
import { adminSessionRoutes } from './admin-session'
import { adminUserRoutes } from './admin-users'

// A post body may be 256 KB (the form says so itself); anything far larger is not a post.
const MAX_REQUEST_BYTES = 1024 * 1024

/** Everything under /admin: cross-site form posts refused, the session read once. */
export const adminRoutes = new Hono<AdminEnv>()
  .use(csrf(), bodyLimit({ maxSize: MAX_REQUEST_BYTES }), loadEditor)
  .route('/', adminSessionRoutes)
  .route('/posts', adminPostRoutes)
  .route('/users', adminUserRoutes)
  .route('/authors', adminAuthorRoutes)
  .route('/account', adminAccountRoutes)
  .route('/analytics', adminAnalyticsRoutes)
  .route('/analytics.csv', adminAnalyticsCsvRoute)
