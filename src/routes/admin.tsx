import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { createMiddleware } from 'hono/factory'
import { loadEditor } from '../middleware/editor-session'
import type { AdminEnv } from '../types'
import { MAX_UPLOAD_MB } from '../validation/import'
import { adminAccountRoutes } from './admin-account'
import { adminAnalyticsCsvRoute, adminAnalyticsRoutes } from './admin-analytics'
import { adminImportRoutes } from './admin-import'
import { adminPostRoutes } from './admin-posts'
import { adminSessionRoutes } from './admin-session'
import { adminUserRoutes } from './admin-users'

// A post body may be 256 KB (the form says so itself); anything far larger is not a post.
const MAX_REQUEST_BYTES = 1024 * 1024
const postBodyLimit = bodyLimit({ maxSize: MAX_REQUEST_BYTES })
// An export file to import is the one large upload (validation/import.ts gives its maximum).
const importBodyLimit = bodyLimit({ maxSize: (MAX_UPLOAD_MB + 1) * 1024 * 1024 })
const requestBodyLimit = createMiddleware((c, next) =>
  (c.req.path === '/admin/import' ? importBodyLimit : postBodyLimit)(c, next),
)

/** Everything under /admin: cross-site form posts refused, the session read once. */
export const adminRoutes = new Hono<AdminEnv>()
  .use(csrf(), requestBodyLimit, loadEditor)
  .route('/', adminSessionRoutes)
  .route('/posts', adminPostRoutes)
  .route('/users', adminUserRoutes)
  .route('/account', adminAccountRoutes)
  .route('/analytics', adminAnalyticsRoutes)
  .route('/analytics.csv', adminAnalyticsCsvRoute)
  .route('/import', adminImportRoutes)
