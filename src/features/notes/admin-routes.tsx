import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'

import { defaultBylineId, findPostForEditing, listAuthors, listCategories } from '../posts'

import { bookmarkletHref } from './bookmarklet'
import { epochToZonedInputs } from '../../lib/dates'
import { savedStatusText } from './save-message'
import { imageFailureText, noteMessagesFor } from './messages'

import { timeZoneChoices } from '../../lib/time-zones'
import { mayChangePost, mayOpenPost, refuseUnless, requireEditor } from '../auth'
import { bylineChoices, findReview, postReviewMessagesFor } from '../posts'
import type { AdminEnv, EditorEnv } from '../../types'
import { idParams, lenientQuery, typedForm, typedText } from '../../lib/validation/form'
import { typedNoteForm, type NoteErrors, type NoteFormValues } from './schemas'
import { NoteFormPage, type NoteFormProps } from './views/note-form-page'
import { postPath } from '../../lib/addresses'

import { saveNote, type NoteSaveOutcome } from './save-note'
import { mailingFormState } from '../subscriptions'
type NoteContext = Context<AdminEnv> | Context<EditorEnv>
type TypedNoteForm = v.InferOutput<typeof typedNoteForm>

export function blankNote(c: NoteContext, authorId: number | undefined): NoteFormValues {
  return {
    title: '',
    sourceUrl: '',
    siteName: '',
    quote: '',
    comment: '',
    sourcePublishedAt: '',
    imageUrl: '',
    keepImage: '',
    categoryIds: [],
    newCategory: '',
    language: c.var.site.locale,
    authorId: authorId ? String(authorId) : '',
    publishDate: '',
    publishTime: '',
    timeZone: c.var.site.timeZone,
    intent: 'publish',
    version: '',
    reviewNote: '',
    emailSubscribers: '',
    emailSubscribersShown: '',
  }
}

export async function renderNoteForm(
  c: NoteContext,
  props: Pick<NoteFormProps, 'noteId' | 'values'> &
    Partial<Omit<NoteFormProps, 'errors'>> & { formErrors?: NoteErrors },
) {
  const { db, site, a } = c.var
  const n = noteMessagesFor(site.locale)
  const [authors, categories, mailing] = await Promise.all([
    listAuthors(db),
    listCategories(db),
    mailingFormState(db, props.noteId, 'note'),
  ])
  // A form sent back keeps the box as it was ticked, not as stored.
  if (props.values.emailSubscribersShown === '1')
    mailing.checked = props.values.emailSubscribers === 'on'
  const errors = Object.fromEntries(
    Object.entries(props.formErrors ?? {}).map(([field, code]) => [field, n.errors[code]]),
  )
  const bookmarklet =
    props.noteId === null
      ? { href: bookmarkletHref(new URL(c.req.url).origin), label: n.bookmarkletLabel(site.name) }
      : null
  return c.render(
    <NoteFormPage
      a={a}
      n={n}
      editor={c.var.editor}
      authors={bylineChoices(c.var.editor, authors, Number(props.values.authorId) || null)}
      categories={categories}
      timeZones={timeZoneChoices(site.timeZone)}
      errors={errors}
      bookmarklet={bookmarklet}
      locale={site.locale}
      site={site}
      mailing={mailing}
      {...props}
    />,
    { title: props.values.title || (props.noteId ? n.editNote : n.newNote), admin: true },
  )
}

/** The response to a note's save: the saved note, the form again, or the conflict. */
function respondToNoteSave(
  c: Context<AdminEnv>,
  noteId: number | null,
  typed: TypedNoteForm,
  outcome: NoteSaveOutcome,
) {
  const { a } = c.var
  const { loginEmail, loginPassword, ...values } = typed
  switch (outcome.kind) {
    case 'relogin': {
      const { result } = outcome
      c.status(result?.reason === 'blocked' ? 429 : 401)
      if (result?.reason === 'blocked') c.header('Retry-After', String(result.retryAfterSeconds))
      const loginError =
        result?.reason === 'blocked'
          ? a.tooManyAttempts(Math.ceil(result.retryAfterSeconds / 60))
          : result
            ? a.loginFailed
            : null
      return renderNoteForm(c, { noteId, values, loginError })
    }
    case 'conflict':
      return renderNoteConflict(c, outcome.noteId, values)
    case 'invalid':
      c.status(422)
      return renderNoteForm(c, { noteId, values, formErrors: outcome.errors })
    case 'saved': {
      const imageQuery = outcome.imageFailure ? `&image=${outcome.imageFailure}` : ''
      const saved = outcome.submitted ? 'review' : outcome.status
      return c.redirect(`/admin/notes/${outcome.noteId}?saved=${saved}${imageQuery}`, 303)
    }
  }
}

/** 409: the form as typed, carrying the stored version, so saving again replaces it knowingly. */
async function renderNoteConflict(c: NoteContext, noteId: number, values: NoteFormValues) {
  const current = await findPostForEditing(c.var.db, noteId)
  if (!current) throw new HTTPException(404)
  c.status(409)
  const n = noteMessagesFor(c.var.site.locale)
  return renderNoteForm(c, {
    noteId,
    values: { ...values, version: String(current.version) },
    notice: { message: n.editConflict(`/admin/notes/${noteId}`), tone: 'error' },
  })
}

/** What a note's edit page says after a save: `?saved=1`, and why its image was not kept. */
const noteEditQuery = v.object({ saved: typedText, image: typedText })

export const adminNoteRoutes = new Hono<AdminEnv>()
  .post('/', typedForm(typedNoteForm), async (c) => {
    const form = c.req.valid('form')
    return respondToNoteSave(c, null, form, await saveNote(c, null, form))
  })
  .post('/:id{[0-9]+}', idParams, typedForm(typedNoteForm), async (c) => {
    const [id, form] = [c.req.valid('param').id, c.req.valid('form')]
    return respondToNoteSave(c, id, form, await saveNote(c, id, form))
  })
  .use(requireEditor)
  .get('/', async (c) =>
    renderNoteForm(c, {
      noteId: null,
      values: blankNote(c, await defaultBylineId(c.var.db, c.var.editor)),
    }),
  )
  .get('/:id{[0-9]+}', idParams, lenientQuery(noteEditQuery), async (c) => {
    const { site, a } = c.var
    const n = noteMessagesFor(site.locale)
    const note = await findPostForEditing(c.var.db, c.req.valid('param').id)
    if (!note || note.kind !== 'note') throw new HTTPException(404)
    refuseUnless(c, mayOpenPost(c.var.editor, note))
    const when = note.publishedAt
      ? epochToZonedInputs(note.publishedAt.getTime(), site.timeZone)
      : null
    const { saved, image } = c.req.valid('query')
    const imageFailure = imageFailureText(n, image)
    const listed = note.status !== 'draft' && !note.deletedAt
    return renderNoteForm(c, {
      noteId: note.id,
      values: {
        ...blankNote(c, note.authorId),
        title: note.title,
        sourceUrl: note.sourceUrl,
        siteName: note.sourceSiteName,
        quote: note.excerpt,
        comment: note.markdown,
        sourcePublishedAt: note.sourcePublishedAt,
        categoryIds: note.categoryIds.map(String),
        language: note.language,
        publishDate: when?.date ?? '',
        publishTime: when?.time ?? '',
        version: String(note.version),
      },
      notice: imageFailure
        ? { message: `${a.saved} ${imageFailure}`, tone: 'error' }
        : saved === 'review'
          ? { message: postReviewMessagesFor(site.locale).submitted, tone: 'info' }
          : saved
            ? { message: `${a.saved} ${savedStatusText(c, note)}`, tone: 'info' }
            : null,
      viewHref: listed ? postPath(note.slug) : null,
      review: await findReview(c.var.db, note.id),
      locked: mayChangePost(c.var.editor, note) ? null : a.editorsOnly,
    })
  })
