import { type Context } from 'hono'

import { findPostForEditing } from './admin-queries'

import type { Media } from '../../db/schema'

import { epochToZonedInputs, formatScheduledFor } from '../../lib/dates'

import type { AdminMessages } from '../../i18n/admin'
import { excerptFromMarkdown } from '../../lib/markdown'

import { type PostFormError, type PostFormValues } from './schemas'

import { mediaUrl } from '../media'
import { requireEditor } from '../auth'
import type { AdminEnv, EditorEnv } from '../../types'
import { POST_EDITOR, type EditorKind } from './editor-kind'
import { pagePath, postPath } from '../../lib/addresses'

/** Both before and after `requireEditor`. */
export type AdminContext = Context<AdminEnv> | Context<EditorEnv>

export function errorText(a: AdminMessages, error: PostFormError): string {
  if (typeof error === 'string') return a.errors[error]
  return 'imageAltMissing' in error
    ? a.errors.imageAltMissing(error.imageAltMissing.join(', '))
    : a.errors.slugTaken(error.slugTaken)
}

export function blankForm(c: AdminContext, authorId: number | undefined): PostFormValues {
  return {
    title: '',
    slug: '',
    excerpt: '',
    markdown: '',
    categoryIds: [],
    newCategory: '',
    language: c.var.site.locale,
    authorId: authorId ? String(authorId) : '',
    status: 'draft',
    publishDate: '',
    publishTime: '',
    timeZone: c.var.site.timeZone,
    version: '',
    featuredImage: '',
    featuredImageAlt: '',
    commentsClosed: '',
    showInNavigation: '',
    emailSubscribers: '',
    emailSubscribersShown: '',
    review: '',
    reviewNote: '',
  }
}

export type EditedPost = NonNullable<Awaited<ReturnType<typeof findPostForEditing>>>

/** The reader's page of a live post, or the editors' preview of a draft or a scheduled post. */
export function postLink(c: AdminContext, post: EditedPost, editorKind: EditorKind = POST_EDITOR) {
  const live =
    post.status === 'published' && post.publishedAt && post.publishedAt.getTime() <= Date.now()
  if (!live)
    return { href: `${editorKind.basePath}/${post.id}/preview`, label: c.var.a.previewPost }
  return post.kind === 'page'
    ? { href: pagePath(post.slug), label: c.var.a.viewPage }
    : { href: postPath(post.slug), label: c.var.a.viewPost }
}

/** What a save did: "Scheduled for 2 December at 09:00, Paris time." */
export function savedMessage(c: AdminContext, post: EditedPost) {
  const { a, site } = c.var
  if (post.status === 'draft') return a.savedDraft
  // What readers see decides: any post whose date is still to come is not live yet.
  if (post.publishedAt && post.publishedAt.getTime() > Date.now())
    return a.savedScheduled(formatScheduledFor(post.publishedAt, site.locale, site.timeZone))
  return post.kind === 'page' ? a.savedPagePublished : a.savedPublished
}

export function formFromPost(
  c: AdminContext,
  post: EditedPost,
  featuredImage: Media | null = null,
): PostFormValues {
  return formValuesOf(post, c.var.site.timeZone, featuredImage ? mediaUrl(featuredImage) : '')
}

/** The editor's form as a stored post fills it, in the site's time zone. */
export function formValuesOf(
  post: EditedPost,
  timeZone: string,
  featuredImagePath: string,
): PostFormValues {
  const when = post.publishedAt ? epochToZonedInputs(post.publishedAt.getTime(), timeZone) : null
  // A scheduled post whose time has come is live: it is shown, and saved, as published.
  const live =
    post.status === 'scheduled' && post.publishedAt && post.publishedAt.getTime() <= Date.now()
  return {
    title: post.title,
    slug: post.slug,
    // A generated excerpt stays generated: the field is left empty so it follows the body.
    excerpt: post.excerpt === excerptFromMarkdown(post.markdown) ? '' : post.excerpt,
    markdown: post.markdown,
    categoryIds: post.categoryIds.map(String),
    newCategory: '',
    language: post.language,
    authorId: String(post.authorId),
    status: live ? 'published' : post.status,
    publishDate: when?.date ?? '',
    publishTime: when?.time ?? '',
    timeZone,
    version: String(post.version),
    featuredImage: featuredImagePath,
    featuredImageAlt: post.featuredImageAlt,
    commentsClosed: post.commentsOpen ? '' : 'on',
    showInNavigation: '',
    emailSubscribers: '',
    emailSubscribersShown: '',
    review: '',
    reviewNote: '',
  }
}
