// The feature's public surface: the app and other features import only this file.
export { adminPreviewLinkRoutes } from './admin-routes'
export { previewLinkMessagesFor } from './messages'
export { findPreviewLink, isNotLiveYet, resolvePreviewToken } from './queries'
export type { PreviewLink } from './queries'
export { SharePreviewPanel } from './views/share-panel'
