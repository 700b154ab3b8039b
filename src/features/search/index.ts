// The feature's public surface: the app and other features import only this file.
export { searchRoutes } from './routes'
export { searchQuerySchema } from './schemas'
