// The feature's public surface: the app and other features import only this file.
// Sending lives in src/lib/mail (every feature sends through it); this feature is its local outbox.
export { adminOutboxRoutes } from './outbox-routes'
