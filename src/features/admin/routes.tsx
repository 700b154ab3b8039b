import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { createMiddleware } from 'hono/factory'
import { accessSignIn, adminAuditRoutes, loadEditor, noStore } from '../auth'
import { streamingBodyLimit } from '../../lib/body-limit'
import type { AdminEnv } from '../../types'
import { MAX_UPLOAD_MB } from '../import-export'
import { adminAccountRoutes } from '../auth'
import { adminOAuthRoutes } from '../auth'
import { adminAuthorRoutes } from '../authors-editors'
import { adminAnalyticsCsvRoute, adminAnalyticsRoutes } from '../audience'
import { adminImportRoutes } from '../import-export'
import { adminManifestRoute } from './manifest'
import { adminNoteRoutes } from '../notes'
import { adminMediaRoutes } from '../media'
import { adminPostRoutes } from '../posts'
import { adminSettingsRoutes } from '../settings'
import { adminNavigationRoutes } from '../navigation'
import { adminPageRoutes } from '../pages'
import { adminSessionRoutes } from '../auth'
import { adminShareRoutes } from '../notes'
import { adminUserRoutes } from '../authors-editors'
import { adminOutboxRoutes } from '../mail'
import { joinRoutes, recoverRoutes } from '../account-links'
import { adminVisualEditorRoutes } from '../visual-editor'
import { adminPreviewLinkRoutes } from '../preview-links'
import { adminReviewRoutes, pendingReviewCount } from '../review'
import { adminSubscriberRoutes } from '../subscriptions'
import { adminCommentRoutes, commentUnsubscribeRoutes, pendingCommentCount } from '../comments'

// A post body may be 256 KB (the form says so itself); anything far larger is not a post.
const MAX_REQUEST_BYTES = 1024 * 1024
const limitPostBody = streamingBodyLimit(MAX_REQUEST_BYTES)
// An export file to import is the one large upload (validation/import.ts gives its maximum).
const limitImportBody = bodyLimit({ maxSize: (MAX_UPLOAD_MB + 1) * 1024 * 1024 })

// Image uploads (10 MB) are limited by their own route, which answers with the media page.
const limitBody = createMiddleware<AdminEnv>((c, next) => {
  if (c.req.method === 'POST' && c.req.path === '/admin/media') return next()
  return (c.req.path === '/admin/import' ? limitImportBody : limitPostBody)(c, next)
})

/**
 * Everything under /admin: never cached (refusals included), cross-site form posts refused,
 * bodies bounded, the session read once.
 */
export const adminRoutes = new Hono<AdminEnv>()
  .use(
    noStore,
    csrf(),
    limitBody,
    loadEditor,
    accessSignIn,
    pendingReviewCount,
    pendingCommentCount,
  )
  .route('/', adminSessionRoutes)
  .route('/posts', adminPostRoutes)
  .route('/media', adminMediaRoutes)
  .route('/users', adminUserRoutes)
  .route('/authors', adminAuthorRoutes)
  .route('/account', adminAccountRoutes)
  .route('/oauth', adminOAuthRoutes)
  .route('/analytics', adminAnalyticsRoutes)
  .route('/analytics.csv', adminAnalyticsCsvRoute)
  .route('/import', adminImportRoutes)
  .route('/notes', adminNoteRoutes)
  .route('/share', adminShareRoutes)
  .route('/settings', adminSettingsRoutes)
  .route('/navigation', adminNavigationRoutes)
  .route('/pages', adminPageRoutes)
  .route('/manifest.webmanifest', adminManifestRoute)
  .route('/audit', adminAuditRoutes)
  .route('/outbox', adminOutboxRoutes)
  .route('/join', joinRoutes)
  .route('/recover', recoverRoutes)
  .route('/editor', adminVisualEditorRoutes)
  .route('/preview-links', adminPreviewLinkRoutes)
  .route('/review', adminReviewRoutes)
  .route('/subscribers', adminSubscriberRoutes)
  .route('/comments/unsubscribe', commentUnsubscribeRoutes)
  .route('/comments', adminCommentRoutes)
