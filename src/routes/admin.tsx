import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { loadEditor, noStore } from '../auth/editor-session'
import { streamingBodyLimit } from '../middleware/body-limit'
import type { AdminEnv } from '../types'
import { adminAccountRoutes } from './admin-account'
import { adminAnalyticsCsvRoute, adminAnalyticsRoutes } from './admin-analytics'
import { adminPostRoutes } from './admin-posts'
import { adminSessionRoutes } from './admin-session'
import { adminUserRoutes } from './admin-users'

// A post body may be 256 KB (the form says so itself); anything far larger is not a post.
const MAX_REQUEST_BYTES = 1024 * 1024

/**
 * Everything under /admin: never cached (refusals included), cross-site form posts refused,
 * bodies bounded, the session read once.
 */
export const adminRoutes = new Hono<AdminEnv>()
  .use(noStore, csrf(), streamingBodyLimit(MAX_REQUEST_BYTES), loadEditor)
  .route('/', adminSessionRoutes)
  .route('/posts', adminPostRoutes)
  .route('/users', adminUserRoutes)
  .route('/account', adminAccountRoutes)
  .route('/analytics', adminAnalyticsRoutes)
  .route('/analytics.csv', adminAnalyticsCsvRoute)
