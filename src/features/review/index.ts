// The feature's public surface: the app and other features import only this file.
export { adminReviewRoutes } from './admin-routes'
export { pendingReviewCount } from './nav-count'
