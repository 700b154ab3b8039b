import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'
import { curationAllowedHosts } from './curation/local-setting'
import { displayHost } from './curation/shared-link'
import { keepSourceImage, type SourceImageFailure } from './curation/source-image'
import { existingIds, findPostForEditing, listAuthors, listCategories } from '../posts'
import { freeSlug } from '../posts'
import { createPost, updatePost, type PostInput } from '../posts'
import type { PostStatus } from '../../db/schema'
import { bookmarkletHref } from './bookmarklet'
import { epochToZonedInputs, zonedDateTimeToEpoch } from '../../lib/dates'
import { savedStatusText } from './save-message'
import { imageFailureText, noteMessagesFor } from './messages'
import { renderMarkdown } from '../../lib/markdown'
import { slugify } from '../../lib/slug'
import { timeZoneChoices } from '../../lib/time-zones'
import { requireEditor } from '../auth'
import type { AdminEnv, EditorEnv } from '../../types'
import { idParams, lenientQuery, typedForm, typedText } from '../../lib/validation/form'
import {
  loadedNoteVersion,
  noteErrors,
  noteFormSchema,
  typedNoteForm,
  type NoteErrors,
  type NoteFormValues,
} from './schemas'
import { NoteFormPage, type NoteFormProps } from './views/note-form-page'
import { attemptLogin } from '../auth'

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
  }
}

/** The editor's own author profile, as for posts; the first author for an editor without one. */
export async function defaultNoteAuthorId(c: Context<EditorEnv>) {
  const own = c.var.editor.authorId
  if (own) return own
  const [first] = await listAuthors(c.var.db)
  return first?.id
}

export async function renderNoteForm(
  c: NoteContext,
  props: Pick<NoteFormProps, 'noteId' | 'values'> &
    Partial<Omit<NoteFormProps, 'errors'>> & { formErrors?: NoteErrors },
) {
  const { db, site, a } = c.var
  const n = noteMessagesFor(site.locale)
  const [authors, categories] = await Promise.all([listAuthors(db), listCategories(db)])
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
      authors={authors}
      categories={categories}
      timeZones={timeZoneChoices(site.timeZone)}
      errors={errors}
      bookmarklet={bookmarklet}
      locale={site.locale}
      {...props}
    />,
    { title: props.values.title || (props.noteId ? n.editNote : n.newNote), admin: true },
  )
}

/** The primary button publishes (or schedules, for a future date); the second keeps a draft. */
function statusAndDate(
  intent: 'publish' | 'draft',
  at: number | null,
  now: number,
): { status: PostStatus; publishedAt: Date | null } {
  if (intent === 'draft') return { status: 'draft', publishedAt: at === null ? null : new Date(at) }
  if (at !== null && at > now) return { status: 'scheduled', publishedAt: new Date(at) }
  return { status: 'published', publishedAt: new Date(at ?? now) }
}

/**
 * Creates (noteId null) or updates a note. A rejected form comes back as typed, each error by its
 * field; an expired session is renewed from the login fields shown inside the form.
 */
async function saveNote(c: Context<AdminEnv>, noteId: number | null, typed: TypedNoteForm) {
  const { db, a } = c.var
  const { loginEmail, loginPassword, ...values } = typed

  let editor = c.var.editor
  if (!editor) {
    const result =
      loginEmail || loginPassword ? await attemptLogin(c, loginEmail, loginPassword) : null
    if (!result?.ok) {
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
    editor = result.user
    c.set('editor', editor)
  }

  const existing = noteId ? await findPostForEditing(db, noteId) : null
  if (noteId && (!existing || existing.kind !== 'note')) throw new HTTPException(404)
  // Someone saved this note after the form was loaded: never overwrite that silently. Checked
  // here to spare the work below; the save itself is conditioned on the version too.
  const version = loadedNoteVersion(values)
  if (existing && version !== existing.version) return renderNoteConflict(c, existing.id, values)

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
  if (!parsed.success || Object.keys(errors).length > 0) {
    c.status(422)
    return renderNoteForm(c, { noteId, values, formErrors: errors })
  }

  const note = parsed.output
  const editorId = editor.id
  let featured: Pick<PostInput, 'featuredMediaId' | 'featuredImageAlt'> = {}
  let imageFailure: SourceImageFailure | null = null
  if (note.keepImage === 'keep' && note.imageUrl) {
    const kept = await keepSourceImage(
      { db, bucket: c.env.MEDIA, images: c.env.IMAGES },
      note.imageUrl,
      {
        allowedHosts: curationAllowedHosts(c.req.url, c.env.CURATION_ALLOW_HOSTS),
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
  let id: number
  if (existing && version) {
    const result = await updatePost(db, existing.id, version, input, editorId)
    if (!result.saved) return renderNoteConflict(c, existing.id, values)
    id = existing.id
  } else {
    id = await createPost(db, input, editorId)
  }
  const imageQuery = imageFailure ? `&image=${imageFailure}` : ''
  return c.redirect(`/admin/notes/${id}?saved=${status}${imageQuery}`, 303)
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
  .post('/', typedForm(typedNoteForm), (c) => saveNote(c, null, c.req.valid('form')))
  .post('/:id{[0-9]+}', idParams, typedForm(typedNoteForm), (c) =>
    saveNote(c, c.req.valid('param').id, c.req.valid('form')),
  )
  .use(requireEditor)
  .get('/', async (c) =>
    renderNoteForm(c, { noteId: null, values: blankNote(c, await defaultNoteAuthorId(c)) }),
  )
  .get('/:id{[0-9]+}', idParams, lenientQuery(noteEditQuery), async (c) => {
    const { site, a } = c.var
    const n = noteMessagesFor(site.locale)
    const note = await findPostForEditing(c.var.db, c.req.valid('param').id)
    if (!note || note.kind !== 'note') throw new HTTPException(404)
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
        : saved
          ? { message: `${a.saved} ${savedStatusText(c, note)}`, tone: 'info' }
          : null,
      viewHref: listed ? `/posts/${note.slug}` : null,
    })
  })
