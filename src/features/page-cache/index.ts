// The feature's public surface: the app and other features import only this file.
export { bumpContentVersion } from './content-version'
export { pageCache } from './middleware'
