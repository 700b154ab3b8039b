// The feature's public surface: the app and other features import only this file.
export { mcpRoutes } from './routes'
