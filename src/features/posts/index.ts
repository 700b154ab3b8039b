// The feature's public surface: the app and other features import only this file.
export {
  existingIds,
  findPostForEditing,
  freeSlug,
  listAuthors,
  defaultBylineId,
  listCategories,
} from './admin-queries'
export { adminPostRoutes, editorRoutes } from './admin-routes'
export type { EditorHooks } from './admin-routes'
export { PAGE_EDITOR } from './editor-kind'
export { homeRoutes } from './home-routes'
export {
  categoryLinksQuery,
  feedPageIdsQuery,
  groupByPost,
  PAGE_SIZE,
  summaryColumns,
} from './list-queries'
export type { FeedFilter } from './list-queries'
export { renderFeed } from './list-response'
export { feedQuery } from './list-schemas'
export type { PublishedPost } from './queries'
export { postRoutes } from './routes'
export { previewRoutes } from './preview-routes'
export {
  CategoryFields,
  LanguageAuthorFields,
  PublishDateFields,
} from './views/post-settings-fields'
export { createPost, createPostsStatements, updatePost, updatePostStatements } from './writes'
export type { PostInput } from './writes'
export { BadCursorException } from './list-response'
export { purgeTrash } from './writes'
export {
  countPendingReviews,
  listPendingReviews,
  returnForChanges,
  submitNewPost,
} from './review-state'
export { publishReviewed } from './publish-reviewed'
export type { PublishReviewedOutcome } from './publish-reviewed'
export { bylineAllowed, bylineChoices } from './post-access'
export { findReview, reviewStatements } from './review-state'
export type { ReviewChange, ReviewWithNames } from './review-state'
export { ReviewStatus } from './views/review-fields'
export { postReviewMessagesFor } from './review-messages'
export { saveEditedPost } from './save-post'
export type { SaveOutcome } from './save-post'
export { formValuesOf } from './editor-form'
export type { EditedPost } from './editor-form'
export { encodeAdminPosition, decodeAdminPosition } from './admin-list-order'
export { findPostIdBySlug, listPostsForAgents, postsBySlugs } from './agent-queries'
export type { AgentPostFilter } from './agent-queries'
export type { PostFormValues, PostFormErrors, PostFormError } from './schemas'
export { errorText } from './editor-form'
