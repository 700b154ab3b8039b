import { Hono } from 'hono'
import { audienceCounter } from './middleware/audience-counter'
import { redirectOldAddresses } from './middleware/redirects'
import { pageCache } from './middleware/page-cache'
import { securityHeaders } from './middleware/security-headers'
import { siteContext } from './middleware/site-context'
import { adminRoutes } from './routes/admin'
import { authorRoutes } from './routes/authors'
import { categoryRoutes } from './routes/categories'
import { notFound, onError } from './routes/errors'
import { feedRoutes } from './routes/feeds'
import { homeRoutes } from './routes/home'
import { noteRoutes } from './routes/notes'
import { mediaRoutes } from './routes/media'
import { postRoutes } from './routes/posts'
import { privacyRoutes } from './routes/privacy'
import { searchRoutes } from './routes/search'
import { sitemapRoutes } from './routes/sitemap'
import { scheduled } from './scheduled'
import type { AppEnv } from './types'
import { layout } from './views/layout'

const app = new Hono<AppEnv>()

app.use(securityHeaders)
app.use(siteContext)
app.use(layout)
// The counter sits outside the page cache, so it counts the views the cache serves too.
app.use(audienceCounter)
app.use(pageCache)
// Behind the cache: its lookups, and the 404s and redirects they decide, are cached with the pages.
app.use(redirectOldAddresses)

app.route('/', homeRoutes)
app.route('/', feedRoutes)
app.route('/', sitemapRoutes)
app.route('/posts', postRoutes)
app.route('/notes', noteRoutes)
app.route('/categories', categoryRoutes)
app.route('/authors', authorRoutes)
app.route('/privacy', privacyRoutes)
app.route('/search', searchRoutes)
app.route('/media', mediaRoutes)
app.route('/admin', adminRoutes)

app.notFound(notFound)
app.onError(onError)

export { app }
export { ImportWorkflow } from './import/workflow'

export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Env>
