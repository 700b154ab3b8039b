// The feature's public surface: the app and other features import only this file.
export { adminPageRoutes } from './admin-routes'
export { sitemapPageCountQuery, sitemapPagesQuery } from './queries'
export { pageRoutes } from './routes'
