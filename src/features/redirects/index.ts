// The feature's public surface: the app and other features import only this file.
export { redirectOldAddresses } from './middleware'
export { slugChangeRedirectStatements } from './queries'
export { MAX_REDIRECT_PATH } from './schemas'
export { redirectSource, redirectTarget } from './schemas'
