// The feature's public surface: the app and other features import only this file.
export { adminAuthorRoutes } from './admin-authors-routes'
export { adminUserRoutes } from './admin-users-routes'
export { createAuthor, findAuthorBySlug } from './authors'
export { authorRoutes } from './routes'
export { AUTHOR_BIO_MAX, AUTHOR_NAME_MAX, AUTHOR_SLUG_MAX } from './author-schemas'
