import { type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'
import { curationAllowedHosts } from './curation/local-setting'
import { displayHost } from './curation/shared-link'
import { keepSourceImage, type SourceImageFailure } from './curation/source-image'
import { existingIds, findPostForEditing } from '../posts'
import { mailAfterSave } from '../subscriptions'
import { freeSlug } from '../posts'
import { createPost, updatePost, type PostInput } from '../posts'
import type { PostStatus } from '../../db/schema'

import { zonedDateTimeToEpoch } from '../../lib/dates'

import { renderMarkdown } from '../../lib/markdown'
import { slugify } from '../../lib/slug'

import type { AdminEnv } from '../../types'

import {
  loadedNoteVersion,
  noteErrors,
  noteFormSchema,
  typedNoteForm,
  type NoteErrors,
  type NoteFormValues,
  type NoteIntent,
} from './schemas'
import type { MediaEnv } from '../media'

import { editorForSave, mayChangePost, mayPublish } from '../auth'
import type { User } from '../../db/schema'
import { bylineAllowed, reviewStatements, submitNewPost } from '../posts'
import type { SQL } from 'drizzle-orm'

import type { LoginResult } from '../auth'

type TypedNoteForm = v.InferOutput<typeof typedNoteForm>

/** The primary button publishes (or schedules, for a future date); the second keeps a draft. */
function statusAndDate(
  intent: NoteIntent,
  at: number | null,
  now: number,
): { status: PostStatus; publishedAt: Date | null } {
  if (intent !== 'publish')
    return { status: 'draft', publishedAt: at === null ? null : new Date(at) }
  if (at !== null && at > now) return { status: 'scheduled', publishedAt: new Date(at) }
  return { status: 'published', publishedAt: new Date(at ?? now) }
}

/** What a note's save came to; the route turns each into a response. */
export type NoteSaveOutcome =
  | { kind: 'relogin'; result: Exclude<LoginResult, { ok: true }> | null }
  | { kind: 'conflict'; noteId: number }
  | { kind: 'invalid'; errors: NoteErrors }
  | {
      kind: 'saved'
      noteId: number
      status: PostStatus
      imageFailure: SourceImageFailure | null
      submitted: boolean
    }

/**
 * Creates (noteId null) or updates a note: check → keep the source image → save → conflict. An
 * expired session is renewed from the login fields shown inside the form.
 */
export async function saveNote(
  c: Context<AdminEnv>,
  noteId: number | null,
  typed: TypedNoteForm,
): Promise<NoteSaveOutcome> {
  const { loginEmail, loginPassword, ...values } = typed

  const signedIn = await editorForSave(c, loginEmail, loginPassword)
  if (!signedIn.ok) return { kind: 'relogin', result: signedIn.result }
  const outcome = await saveCheckedNote(
    {
      db: c.var.db,
      bucket: c.env.MEDIA,
      images: c.env.IMAGES,
      allowedHosts: curationAllowedHosts(c.req.url, c.env.CURATION_ALLOW_HOSTS),
    },
    signedIn.user,
    noteId,
    values,
    c.var.a.notAllowed,
  )
  // The box as ticked; without it (an older form), the note's earlier choice or the setting.
  if (outcome.kind === 'saved') await mailAfterSave(c, outcome.noteId, values)
  return outcome
}

/** What saving a note needs besides the form: the database, the media store, the fetcher's setting. */
export type NoteSaveDeps = MediaEnv & { allowedHosts: readonly string[] }

/**
 * The save itself, for whoever is known to act (the signed-in editor, an agent's person): the
 * same role checks, source image, version condition and conflict, whatever sent the form. What a
 * role may not do is refused with 403 and `notAllowed`.
 */
export async function saveCheckedNote(
  deps: NoteSaveDeps,
  editor: Pick<User, 'id' | 'role' | 'authorId'>,
  noteId: number | null,
  values: NoteFormValues,
  notAllowed: string,
): Promise<Exclude<NoteSaveOutcome, { kind: 'relogin' }>> {
  const { db } = deps
  const refuseUnless = (allowed: boolean) => {
    if (!allowed) throw new HTTPException(403, { message: notAllowed })
  }
  const existing = noteId ? await findPostForEditing(db, noteId) : null
  if (noteId && (!existing || existing.kind !== 'note')) throw new HTTPException(404)
  // What the interface hides is refused here too: others' notes, and publishing for a contributor.
  if (existing) refuseUnless(mayChangePost(editor, existing))
  refuseUnless(mayPublish(editor) || values.intent !== 'publish')
  // Someone saved this note after the form was loaded: never overwrite that silently. Checked
  // here to spare the work below; the save itself is conditioned on the version too.
  const version = loadedNoteVersion(values)
  if (existing && version !== existing.version) return { kind: 'conflict', noteId: existing.id }

  const parsed = v.safeParse(noteFormSchema, values)
  const errors: NoteErrors = parsed.success ? {} : noteErrors(parsed.issues)
  let at: number | null = null
  if (parsed.success) {
    const note = parsed.output
    if (note.publishDate || note.publishTime) {
      at = zonedDateTimeToEpoch(note.publishDate, note.publishTime || '00:00', note.timeZone)
      if (at === null) errors.publishDate = 'dateInvalid'
    }
    const [authorIds, categoryIds] = await Promise.all([
      existingIds(db, 'authors', [note.authorId]),
      existingIds(db, 'categories', note.categoryIds),
    ])
    if (!authorIds.has(note.authorId)) errors.authorId = 'unknownAuthor'
    if (note.categoryIds.some((id) => !categoryIds.has(id))) errors.categoryIds = 'unknownCategory'
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { kind: 'invalid', errors }

  const note = parsed.output
  refuseUnless(bylineAllowed(editor, note.authorId, existing?.authorId ?? null))
  const editorId = editor.id
  let featured: Pick<PostInput, 'featuredMediaId' | 'featuredImageAlt'> = {}
  let imageFailure: SourceImageFailure | null = null
  if (note.keepImage === 'keep' && note.imageUrl) {
    const kept = await keepSourceImage(
      { db, bucket: deps.bucket, images: deps.images },
      note.imageUrl,
      {
        allowedHosts: deps.allowedHosts,
        createdBy: editorId,
        alt: note.title,
      },
    )
    // The note is saved either way; the editor is told why the image is missing.
    if (kept.ok) featured = { featuredMediaId: kept.mediaId, featuredImageAlt: note.title }
    else imageFailure = kept.reason
  }
  const { status, publishedAt } = statusAndDate(note.intent, at, Date.now())
  const newCategorySlug = note.newCategory ? slugify(note.newCategory) : ''
  const input: PostInput = {
    kind: 'note',
    slug: existing?.slug ?? (await freeSlug(db, slugify(note.title) || 'note')),
    title: note.title,
    excerpt: note.quote,
    markdown: note.comment,
    html: renderMarkdown(note.comment, note.language),
    status,
    language: note.language,
    publishedAt,
    authorId: note.authorId,
    categoryIds: [...new Set(note.categoryIds)],
    newCategory: newCategorySlug ? { slug: newCategorySlug, name: note.newCategory } : null,
    sourceUrl: note.sourceUrl,
    sourceSiteName: note.siteName || displayHost(note.sourceUrl),
    sourcePublishedAt: note.sourcePublishedAt,
    ...featured,
  }
  const submitted = note.intent === 'review'
  const review =
    status !== 'draft'
      ? 'clear'
      : submitted
        ? { submit: { by: editorId, note: note.reviewNote } }
        : null
  let id: number
  if (existing && version) {
    const also = (stillLoaded: SQL) => reviewStatements(db, existing.id, stillLoaded, review)
    const result = await updatePost(db, existing.id, version, input, editorId, { also })
    if (!result.saved) return { kind: 'conflict', noteId: existing.id }
    id = existing.id
  } else {
    id = await createPost(db, input, editorId)
    if (submitted) await submitNewPost(db, id, editorId, note.reviewNote)
  }
  return { kind: 'saved', noteId: id, status, imageFailure, submitted }
}
