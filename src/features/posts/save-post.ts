import { type Context } from 'hono'
import type { SQL } from 'drizzle-orm'

import { HTTPException } from 'hono/http-exception'
import { existingIds, findPostForEditing, isSlugTaken, suggestFreeSlug } from './admin-queries'
import { createPost, updatePost, type PostInput } from './writes'

import { AUTOSAVE_REVISION_INTERVAL_MS, lastRevisionAt, storeAutosave } from './autosaves'

import { isDatabaseFailure } from '../../db/failure'

import { excerptFromMarkdown, renderMarkdown } from '../../lib/markdown'

import {
  isBodyTooLarge,
  loadedVersion,
  validatePostForm,
  type PostFormError,
  type PostFormErrors,
  type PostFormValues,
  type TypedPostForm,
} from './schemas'
import { slugify } from '../../lib/slug'

import { checkPostImages } from './image-check'

import type { AdminEnv } from '../../types'

import {
  editorForSave,
  editsAllContent,
  mayChangePost,
  mayPublish,
  refuseUnless,
  type LoginResult,
} from '../auth'
import { bylineAllowed, reviewChange } from './post-access'
import { reviewStatements, submitNewPost } from './review-state'

import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import type { EditedPost } from './editor-form'
import { belongsIn, POST_EDITOR, type EditorKind } from './editor-kind'

/** What a save came to; the route turns each into a response. */
export type SaveOutcome =
  | { kind: 'relogin'; result: LoginResult | null }
  | { kind: 'trashed' }
  | { kind: 'invalid'; errors: PostFormErrors }
  | { kind: 'saved'; postId: number; submitted?: boolean }
  | { kind: 'unavailable' }
  | { kind: 'conflict'; current: EditedPost }

/** What an autosave came to. */
export type AutosaveOutcome =
  | { kind: 'loggedOut' }
  | { kind: 'tooLarge' }
  | { kind: 'keptAside' }
  | { kind: 'invalid'; error: PostFormError }
  | { kind: 'conflict' }
  | { kind: 'saved'; version?: number; newPostId?: number }

/**
 * The form checked against the rules and the database (authors, categories, slug, images), as
 * the post to write, or the errors by field.
 */
export async function checkPost(
  db: Db,
  values: PostFormValues,
  postId: number | null,
  editorKind: EditorKind = POST_EDITOR,
): Promise<{ errors: PostFormErrors; input: PostInput | null }> {
  const { errors, post } = validatePostForm(values, Date.now(), editorKind.kind)
  const html = post ? renderMarkdown(post.markdown, post.language) : ''
  const images = await checkPostImages(db, values, values.status, html)
  Object.assign(errors, { ...images.errors, ...errors })
  if (post) {
    const [authorIds, categoryIds] = await Promise.all([
      existingIds(db, 'authors', [post.authorId]),
      existingIds(db, 'categories', post.categoryIds),
    ])
    if (!authorIds.has(post.authorId)) errors.authorId = 'unknownAuthor'
    if (post.categoryIds.some((id) => !categoryIds.has(id))) errors.categoryIds = 'unknownCategory'
    if (await isSlugTaken(db, post.slug, postId)) {
      errors.slug = { slugTaken: await suggestFreeSlug(db, post.slug) }
    }
  }
  if (!post || Object.keys(errors).length > 0) return { errors, input: null }

  const newCategorySlug = post.newCategory ? slugify(post.newCategory) : ''
  return {
    errors,
    input: {
      // A post keeps its kind (a note saved here stays a note); a page is always written as one.
      ...(editorKind.kind === 'page' && { kind: 'page' as const }),
      slug: post.slug,
      title: post.title,
      excerpt: post.excerpt || excerptFromMarkdown(post.markdown),
      markdown: post.markdown,
      html,
      status: post.status,
      language: post.language,
      publishedAt: post.publishedAt,
      authorId: post.authorId,
      categoryIds: post.categoryIds,
      newCategory: newCategorySlug ? { slug: newCategorySlug, name: post.newCategory } : null,
      featuredMediaId: images.featuredMediaId,
      featuredImageAlt: images.featuredImageAlt,
      commentsOpen: values.commentsClosed !== 'on',
    },
  }
}

/**
 * Saves a new post (postId null) or an existing one: check → save → conflict. An expired session
 * is renewed from the login fields in the form. A save names the version it was loaded from: a
 * stale one is refused, never applied.
 */
export async function savePost(
  c: Context<AdminEnv>,
  postId: number | null,
  typed: TypedPostForm,
  editorKind: EditorKind = POST_EDITOR,
): Promise<SaveOutcome> {
  const { loginEmail, loginPassword, ...values } = typed

  const signedIn = await editorForSave(c, loginEmail, loginPassword)
  if (!signedIn.ok) return { kind: 'relogin', result: signedIn.result }
  return saveEditedPost(c.var.db, signedIn.user, postId, values, c.var.a.notAllowed, editorKind)
}

/** Who saves: their role and byline decide what they may change. */
type Saver = Pick<User, 'id' | 'role' | 'authorId'>

/**
 * The save itself, for whoever is known to act (the signed-in editor, an agent's person): the
 * same role checks, version condition and conflict, whatever sent the form. What a role may not
 * do is refused with 403 and `notAllowed`, as the interface would never offer it.
 */
export async function saveEditedPost(
  db: Db,
  editor: Saver,
  postId: number | null,
  values: PostFormValues,
  notAllowed: string,
  editorKind: EditorKind = POST_EDITOR,
): Promise<Exclude<SaveOutcome, { kind: 'relogin' }>> {
  const refuseIfNot = (allowed: boolean) => {
    if (!allowed) throw new HTTPException(403, { message: notAllowed })
  }
  const existing = postId ? await findPostForEditing(db, postId) : null
  if (postId && (!existing || !belongsIn(editorKind, existing))) throw new HTTPException(404)
  // Checked before anything is read from the form: what the interface hides is refused here.
  if (editorKind.kind === 'page') refuseIfNot(editsAllContent(editor))
  if (existing) refuseIfNot(mayChangePost(editor, existing))
  refuseIfNot(mayPublish(editor) || values.status === 'draft')
  if (existing?.deletedAt) return { kind: 'trashed' }

  const { errors, input } = await checkPost(db, values, postId, editorKind)
  if (!input) return { kind: 'invalid', errors }
  refuseIfNot(bylineAllowed(editor, input.authorId, existing?.authorId ?? null))
  const review = reviewChange(editor, input.status, values)
  const submitted = review !== null && review !== 'clear'
  try {
    if (!existing) {
      const id = await createPost(db, input, editor.id)
      if (submitted) await submitNewPost(db, id, editor.id, review.submit.note)
      return { kind: 'saved', postId: id, submitted }
    }
    const version = loadedVersion(values)
    // A save that changes none of what a revision holds adds none.
    const revision = !sameRevisionContent(existing, input)
    const also = (stillLoaded: SQL) => reviewStatements(db, existing.id, stillLoaded, review)
    const result = version
      ? await updatePost(db, existing.id, version, input, editor.id, { revision, also })
      : null
    if (result?.saved) return { kind: 'saved', postId: existing.id, submitted }
  } catch (error) {
    if (!isDatabaseFailure(error)) throw error
    // One batch, so nothing was written: the editor gets the form back to try again.
    console.error(error)
    return { kind: 'unavailable' }
  }
  const current = await findPostForEditing(db, existing.id)
  if (!current) throw new HTTPException(404)
  return { kind: 'conflict', current }
}

/**
 * Saves what is being typed, a few seconds after the last keystroke (static/js/editor). A draft
 * is written in place, with a revision only every AUTOSAVE_REVISION_INTERVAL_MS; a new post
 * becomes a draft; a scheduled or published post keeps its live text and the typed text is
 * kept aside until the editor saves.
 */
export async function autosavePost(
  c: Context<AdminEnv>,
  postId: number | null,
  typed: TypedPostForm,
  editorKind: EditorKind = POST_EDITOR,
): Promise<AutosaveOutcome> {
  const { db } = c.var
  const editor = c.var.editor
  if (!editor) return { kind: 'loggedOut' }
  const existing = postId ? await findPostForEditing(db, postId) : null
  if (postId && (!existing || existing.deletedAt || !belongsIn(editorKind, existing)))
    throw new HTTPException(404)
  if (editorKind.kind === 'page') refuseUnless(c, editsAllContent(editor))
  if (existing) refuseUnless(c, mayChangePost(editor, existing))
  const { loginEmail, loginPassword, ...values } = typed

  if (existing && existing.status !== 'draft') {
    if (isBodyTooLarge(values.markdown)) return { kind: 'tooLarge' }
    const { title, excerpt, markdown } = values
    await storeAutosave(db, existing.id, { title, excerpt, markdown }, editor.id)
    return { kind: 'keptAside' }
  }

  const { errors, input } = await checkPost(db, { ...values, status: 'draft' }, postId, editorKind)
  if (!input) return { kind: 'invalid', error: Object.values(errors)[0]! }
  refuseUnless(c, bylineAllowed(editor, input.authorId, existing?.authorId ?? null))
  if (existing) {
    const last = await lastRevisionAt(db, existing.id)
    const revision = !last || Date.now() - last.getTime() >= AUTOSAVE_REVISION_INTERVAL_MS
    const version = loadedVersion(values)
    const result = version
      ? await updatePost(db, existing.id, version, input, editor.id, { revision })
      : null
    // Someone else saved meanwhile: never overwrite; a full save shows both versions.
    if (!result?.saved) return { kind: 'conflict' }
    return { kind: 'saved', version: result.version }
  }
  const id = await createPost(db, input, editor.id)
  const saved = await findPostForEditing(db, id)
  return { kind: 'saved', version: saved?.version, newPostId: id }
}

function sameRevisionContent(
  stored: { title: string; excerpt: string; markdown: string },
  input: { title: string; excerpt: string; markdown: string },
) {
  return (
    stored.title === input.title &&
    stored.excerpt === input.excerpt &&
    stored.markdown === input.markdown
  )
}
