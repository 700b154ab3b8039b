import type { PostStatus, User } from '../../db/schema'
import { editsAllContent } from '../auth'
import type { ReviewChange } from './review-state'

/**
 * Authors and contributors write under their own author profile (or keep the post's byline):
 * they cannot sign with someone else's name. Invitees get a profile when they join; an account
 * without one (made before roles) is offered no byline until the owner links it to a profile.
 */
export function bylineAllowed(
  editor: Pick<User, 'role' | 'authorId'>,
  authorId: number,
  currentAuthorId: number | null,
): boolean {
  if (editsAllContent(editor)) return true
  // Without a profile of their own, an author or contributor signs as no one else either.
  return authorId === editor.authorId || authorId === currentAuthorId
}

/** The author profiles the editor's byline select offers. */
export function bylineChoices<T extends { id: number }>(
  editor: Pick<User, 'role' | 'authorId'> | null,
  authors: T[],
  currentAuthorId: number | null,
): T[] {
  if (!editor) return authors
  return authors.filter((author) => bylineAllowed(editor, author.id, currentAuthorId))
}

/**
 * What a save does to the review: a post published or scheduled leaves the queue; a draft sent
 * with Submit for review enters it, with its note; any other save leaves it as it was.
 */
export function reviewChange(
  editor: Pick<User, 'id'>,
  status: PostStatus,
  form: { review: string; reviewNote: string },
): ReviewChange {
  if (status !== 'draft') return 'clear'
  if (form.review === 'submit') return { submit: { by: editor.id, note: form.reviewNote.trim() } }
  return null
}
