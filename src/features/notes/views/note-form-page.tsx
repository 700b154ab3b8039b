import type { User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import type { NoteMessages } from '../messages'
import { NOTE_LIMITS, type NoteField, type NoteFormValues } from '../schemas'
import { FIELD_MAX } from '../../../lib/validation/limits'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { CategoryFields, LanguageAuthorFields, PublishDateFields } from '../../posts'
import { InlineLogin } from '../../auth'
import { VisualEditorAssets } from '../../visual-editor'
import type { Locale } from '../../../i18n/site'
import { mayPublish } from '../../auth'
import { postReviewMessagesFor, ReviewStatus, type ReviewWithNames } from '../../posts'
import type { Site } from '../../../types'
import { MailingFields, type DeliveryCounts } from '../../subscriptions'

export type NoteFormProps = {
  a: AdminMessages
  n: NoteMessages
  editor: User | null
  noteId: number | null
  values: NoteFormValues
  errors: Partial<Record<NoteField, string>>
  authors: { id: number; name: string }[]
  categories: { id: number; name: string }[]
  timeZones: string[]
  notice?: { message: string; tone: 'info' | 'error' } | null
  loginError?: string | null
  /** Shown on the blank form only: the bookmarklet's `javascript:` address. */
  bookmarklet?: { href: string; label: string } | null
  viewHref?: string | null
  /** The interface language, for the visual editor's labels. */
  locale?: Locale
  /** The note's review, when a contributor submitted it. */
  review?: ReviewWithNames | null
  /** Opened by someone who may not change it (a contributor, once their note is published). */
  locked?: string | null
  /** For the review status's dates. */
  site?: Site
  /** The **Email to subscribers** box's state and, once the note was sent, its counts. */
  mailing?: { checked: boolean; counts: DeliveryCounts | null }
}

const invalid = (error: string | undefined) => (error ? 'true' : undefined)

type TextFieldName = 'sourceUrl' | 'title' | 'quote' | 'comment'

/** A labelled input (or a textarea, given `rows`) with the server's maximum and its error. */
function TextField(props: {
  name: TextFieldName
  label: string
  values: NoteFormValues
  errors: NoteFormProps['errors']
  type?: 'url'
  required?: boolean
  rows?: number
  /** A Markdown textarea: the visual editor takes it over. */
  visual?: boolean
}) {
  const { name, errors } = props
  const attributes = {
    name,
    required: props.required,
    maxlength: NOTE_LIMITS[name],
    'aria-invalid': invalid(errors[name]),
    'aria-describedby': errors[name] ? `${name}-error` : undefined,
    'data-visual-editor': props.visual ? '' : undefined,
  }
  return (
    <>
      <label>
        {props.label}
        {props.rows ? (
          <textarea rows={props.rows} {...attributes}>
            {props.values[name]}
          </textarea>
        ) : (
          <input
            type={props.type}
            inputmode={props.type}
            value={props.values[name]}
            {...attributes}
          />
        )}
      </label>
      <FieldError id={`${name}-error`} message={errors[name]} />
    </>
  )
}

export function NoteFormPage(props: NoteFormProps) {
  const { a, n, editor, noteId, values, errors } = props
  const action = noteId ? `/admin/notes/${noteId}` : '/admin/notes'
  const hasErrors = Object.keys(errors).length > 0
  const field = { values, errors }
  // A contributor keeps drafts and submits them for review; an editor publishes them.
  const draftsOnly = editor !== null && !mayPublish(editor)
  const r = postReviewMessagesFor(props.locale ?? 'en')
  return (
    <section class="admin note-editor">
      {editor && <AdminNav a={a} editor={editor} />}
      <h1>{noteId ? n.editNote : n.newNote}</h1>
      {props.notice && <Notice message={props.notice.message} tone={props.notice.tone} />}
      {props.viewHref && (
        <p>
          <a href={props.viewHref}>{a.viewSite} →</a>
        </p>
      )}
      {props.review && props.site && <ReviewStatus site={props.site} review={props.review} />}
      {props.locked && <Notice message={props.locked} />}
      {hasErrors && <Notice message={a.fixErrors} tone="error" />}
      <form method="post" action={action} class="note-form stack">
        {!editor && <InlineLogin a={a} error={props.loginError} />}
        {noteId && <input type="hidden" name="version" value={values.version} />}
        <TextField name="sourceUrl" label={n.sourceUrl} type="url" required {...field} />
        <TextField name="title" label={a.title} required {...field} />
        <TextField name="quote" label={n.quote} rows={5} {...field} />
        <TextField name="comment" label={n.comment} rows={4} visual {...field} />

        {draftsOnly && !props.locked && (
          <label>
            {r.reviewNote}
            <textarea name="reviewNote" rows={2} maxlength={FIELD_MAX.reviewNote}>
              {values.reviewNote}
            </textarea>
          </label>
        )}
        {props.mailing && !props.locked && (
          <MailingFields
            locale={props.locale ?? 'en'}
            checked={props.mailing.checked}
            counts={props.mailing.counts}
          />
        )}
        {!props.locked && (
          <div class="form-actions">
            {draftsOnly ? (
              <button type="submit" name="intent" value="review">
                {r.submitForReview}
              </button>
            ) : (
              <button type="submit" name="intent" value="publish">
                {n.publish}
              </button>
            )}
            <button type="submit" name="intent" value="draft" class="secondary">
              {n.saveDraft}
            </button>
          </div>
        )}

        <details open={hasErrors || undefined}>
          <summary>
            {n.siteName}, {a.categories}, {a.language}…
          </summary>
          <div class="stack">
            <label>
              {n.siteName}
              <input
                name="siteName"
                value={values.siteName}
                maxlength={NOTE_LIMITS.siteName}
                aria-describedby={errors.siteName ? 'siteName-error' : 'siteName-help'}
              />
            </label>
            <p class="help" id="siteName-help">
              {n.siteNameHelp}
            </p>
            <FieldError id="siteName-error" message={errors.siteName} />
            <label>
              {n.sourcePublishedAt}
              <input
                name="sourcePublishedAt"
                value={values.sourcePublishedAt}
                maxlength={NOTE_LIMITS.sourcePublishedAt}
              />
            </label>
            <FieldError id="sourcePublishedAt-error" message={errors.sourcePublishedAt} />
            {values.imageUrl && (
              <fieldset>
                <legend>{n.sourceImage}</legend>
                <input type="hidden" name="imageUrl" value={values.imageUrl} />
                <p class="help">
                  <code>{values.imageUrl}</code> — {n.imageNotShown}
                </p>
                <label class="check">
                  <input
                    type="radio"
                    name="keepImage"
                    value="keep"
                    checked={values.keepImage === 'keep'}
                  />{' '}
                  {n.keepImage}
                </label>
                <label class="check">
                  <input
                    type="radio"
                    name="keepImage"
                    value=""
                    checked={values.keepImage !== 'keep'}
                  />{' '}
                  {n.dropImage}
                </label>
              </fieldset>
            )}
            <CategoryFields
              a={a}
              values={values}
              errors={errors}
              categories={props.categories}
              newCategoryMax={NOTE_LIMITS.newCategory}
            />
            <LanguageAuthorFields a={a} values={values} errors={errors} authors={props.authors} />
            <PublishDateFields a={a} values={values} errors={errors} timeZones={props.timeZones} />
          </div>
        </details>
      </form>

      {props.bookmarklet && (
        <section class="bookmarklet">
          <h2>{n.bookmarkletTitle}</h2>
          <p>{n.bookmarkletHelp}</p>
          <p>
            <a class="bookmarklet-link" href={props.bookmarklet.href}>
              {props.bookmarklet.label}
            </a>
          </p>
          <p class="help">{n.installHelp}</p>
        </section>
      )}
      {editor && <VisualEditorAssets locale={props.locale ?? 'en'} />}
    </section>
  )
}
