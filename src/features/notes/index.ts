// The feature's public surface: the app and other features import only this file.
export { adminNoteRoutes } from './admin-routes'
export { displayHost } from './curation/shared-link'
export { noteRoutes } from './routes'
export { adminShareRoutes } from './share-routes'
export { NOTE_LIMITS } from './schemas'
