/**
 * Which editor a request is in. Pages are posts of kind `page` written in the same editor (the
 * same sanitizer, images, autosave, versions and revisions): only their address, the fields
 * shown and where the editor lives differ.
 */
export type EditorKind = {
  kind: 'post' | 'page'
  /** Where the editor and its actions live. */
  basePath: '/admin/posts' | '/admin/pages'
}

export const POST_EDITOR: EditorKind = { kind: 'post', basePath: '/admin/posts' }
export const PAGE_EDITOR: EditorKind = { kind: 'page', basePath: '/admin/pages' }

/** Whether a stored post belongs in this editor (posts and notes in the posts', pages in their own). */
export const belongsIn = (editor: EditorKind, post: { kind: string }) =>
  (post.kind === 'page') === (editor.kind === 'page')
