// The feature's public surface: the app and other features import only this file.
export { adminCommentRoutes, commentUnsubscribeRoutes } from './admin-routes'
export { pendingCommentCount } from './nav-count'
export { commentsBlock } from './on-page'
export { pageCommentRoutes, postCommentRoutes } from './routes'
export { commentMessagesFor } from './messages'
export { commentHtml } from './comment-html'
export { CommentsClosedField } from './views/comments-closed-field'
export { CommentsPrivacy } from './views/comments-privacy'
