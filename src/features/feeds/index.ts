// The feature's public surface: the app and other features import only this file.
export { feedRoutes } from './routes'
export { sitemapRoutes } from './sitemap-routes'
