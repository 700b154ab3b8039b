import { DurableObject, WorkflowEntrypoint } from 'cloudflare:workers'
import { Hono } from 'hono'
import { audienceCounter, audienceShardClass } from './features/audience'
import { redirectOldAddresses } from './features/redirects'
import { pageCache } from './features/page-cache'
import { securityHeaders } from './app/security-headers'
import { siteContext, siteSettings } from './app/site-context'
import { adminRoutes } from './features/admin'
import { authorRoutes } from './features/authors-editors'
import { categoryRoutes } from './features/categories'
import { notFound, onError } from './app/errors'
import { feedRoutes } from './features/feeds'
import { importWorkflowClass } from './features/import-export'
import { homeRoutes } from './features/posts'
import { noteRoutes } from './features/notes'
import { mediaRoutes } from './features/media'
import { postRoutes } from './features/posts'
import { previewRoutes } from './features/posts'
import { pageRoutes } from './features/pages'
import { privacyRoutes } from './features/privacy'
import { pageCommentRoutes, postCommentRoutes } from './features/comments'
import { searchRoutes } from './features/search'
import { sitemapRoutes } from './features/feeds'
import { scheduled } from './app/scheduled'
import { handleMailQueue, subscriptionRoutes } from './features/subscriptions'
import type { AppEnv } from './types'
import { layout } from './ui/layout'
import { mcpRoutes } from './features/mcp'

const app = new Hono<AppEnv>()

app.use(securityHeaders)
app.use(siteContext)
app.use(layout)
// Agents' endpoints (/mcp, OAuth): no reader page, so neither counted nor cached.
app.route('/', mcpRoutes)
// The counter sits outside the page cache, so it counts the views the cache serves too.
app.use(audienceCounter)
app.use(pageCache)
// Behind the cache: its lookups, and the 404s and redirects they decide, are cached with the pages.
app.use(redirectOldAddresses)
// Only what the cache did not answer needs the settings from D1 (a redirect needs none).
app.use(siteSettings)

app.route('/', homeRoutes)
app.route('/', feedRoutes)
app.route('/', sitemapRoutes)
app.route('/posts', postRoutes)
app.route('/posts', postCommentRoutes)
app.route('/preview', previewRoutes)
app.route('/notes', noteRoutes)
app.route('/categories', categoryRoutes)
app.route('/authors', authorRoutes)
app.route('/privacy', privacyRoutes)
app.route('/search', searchRoutes)
app.route('/media', mediaRoutes)
app.route('/admin', adminRoutes)
// Follow by email: /subscribe, /subscribe/confirm/<token>, /unsubscribe/<token>.
app.route('/', subscriptionRoutes)
app.route('/', pageCommentRoutes)
// Last: a page at the root never takes the place of the blog's own addresses.
app.route('/', pageRoutes)

app.notFound(notFound)
app.onError(onError)

export { app }
export const ImportWorkflow = importWorkflowClass(WorkflowEntrypoint)
// The audience counter's Durable Object, made from the runtime's base class (see its file).
export const AudienceShard = audienceShardClass(DurableObject)

export default {
  fetch: app.fetch,
  scheduled,
  // New posts mailed to subscribers (MAIL_QUEUE in wrangler.toml).
  queue: handleMailQueue,
} satisfies ExportedHandler<Env>
