// The feature's public surface: the app and other features import only this file.
export { pageCache } from './middleware'
export { refreshAfterWrite } from './middleware'
