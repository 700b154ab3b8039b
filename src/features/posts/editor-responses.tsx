import { type Context } from 'hono'

import { listAuthors, listCategories, listRevisions } from './admin-queries'

import { DATABASE_RETRY_AFTER_SECONDS } from '../../db/failure'

import { formatTimeOfDay } from '../../lib/dates'

import { renderMarkdown } from '../../lib/markdown'

import { type PostFormErrors, type PostFormValues, type TypedPostForm } from './schemas'

import { timeZoneChoices } from '../../lib/time-zones'
import { editorImages } from './image-check'
import { BODY_SIZES, decorateImages } from '../media'

import type { AdminEnv } from '../../types'

import { PostEditorPage, type PostEditorProps } from './views/post-editor-page'

import { type LoginResult } from '../auth'
import { ReloginPage } from './views/relogin-page'

import { errorText, type AdminContext } from './editor-form'
import { POST_EDITOR, type EditorKind } from './editor-kind'
import { bylineChoices } from './post-access'
import { findReview } from './review-state'
import type { AutosaveOutcome, SaveOutcome } from './save-post'
import { mailingFormState } from '../subscriptions'

// The preview shows originals: no srcset, every image at once.
export const PREVIEW_LOADING = { first: true, responsive: false, sizes: BODY_SIZES }

export async function renderEditor(
  c: AdminContext,
  props: Pick<PostEditorProps, 'postId' | 'values'> &
    Partial<PostEditorProps> & { formErrors?: PostFormErrors },
) {
  const { db, site, a } = c.var
  const editorKind = props.editorKind ?? POST_EDITOR
  const tooLarge = props.formErrors?.markdown === 'bodyTooLarge'
  const previewHtml = tooLarge ? '' : renderMarkdown(props.values.markdown, props.values.language)
  const mailing =
    editorKind.kind === 'post' ? await mailingFormState(db, props.postId, 'post') : null
  if (mailing && props.values.emailSubscribersShown === '1')
    mailing.checked = props.values.emailSubscribers === 'on'
  const [authors, categories, revisions, images, review] = await Promise.all([
    listAuthors(db),
    listCategories(db),
    props.postId ? listRevisions(db, props.postId) : Promise.resolve([]),
    editorImages(db, previewHtml, props.values.featuredImage),
    props.postId ? findReview(db, props.postId) : null,
  ])
  const errors = Object.fromEntries(
    Object.entries(props.formErrors ?? {}).map(([field, error]) => [field, errorText(a, error)]),
  )
  return c.render(
    <PostEditorPage
      site={site}
      a={a}
      editor={c.var.editor}
      authors={bylineChoices(c.var.editor, authors, Number(props.values.authorId) || null)}
      review={review}
      categories={categories}
      revisions={revisions}
      timeZones={timeZoneChoices(site.timeZone)}
      previewHtml={decorateImages(previewHtml, images.byKey, PREVIEW_LOADING)}
      featuredImage={images.featured}
      errors={errors}
      mailing={mailing}
      {...props}
    />,
    {
      title: props.values.title || (editorKind.kind === 'page' ? a.newPage : a.newPost),
      admin: true,
    },
  )
}

/** A save without a live session: the login form alone, what was typed kept in hidden fields. */
function renderRelogin(
  c: Context<AdminEnv>,
  postId: number | null,
  values: PostFormValues,
  result: LoginResult | null,
  editorKind: EditorKind,
) {
  const { a } = c.var
  let error: string | null = null
  c.status(401)
  if (result && !result.ok && result.reason === 'blocked') {
    c.status(429)
    c.header('Retry-After', String(result.retryAfterSeconds))
    error = a.tooManyAttempts(Math.ceil(result.retryAfterSeconds / 60))
  } else if (result) {
    error = a.loginFailed
  }
  const { basePath } = editorKind
  const action = postId ? `${basePath}/${postId}` : basePath
  return c.render(<ReloginPage a={a} action={action} values={values} error={error} />, {
    title: a.loginTitle,
    admin: true,
  })
}

/** The response to a save: the saved post, the form again with its errors, or the conflict. */
export function respondToSave(
  c: Context<AdminEnv>,
  postId: number | null,
  typed: TypedPostForm,
  outcome: SaveOutcome,
  editorKind: EditorKind = POST_EDITOR,
) {
  const { loginEmail, loginPassword, ...values } = typed
  const { basePath } = editorKind
  switch (outcome.kind) {
    case 'relogin':
      return renderRelogin(c, postId, values, outcome.result, editorKind)
    case 'trashed':
      return c.redirect(`${basePath}/${postId}`, 303)
    case 'saved':
      return c.redirect(
        `${basePath}/${outcome.postId}?${outcome.submitted ? 'submitted' : 'saved'}=1`,
        303,
      )
    case 'invalid':
      c.status(outcome.errors.markdown === 'bodyTooLarge' ? 413 : 422)
      return renderEditor(c, { postId, values, formErrors: outcome.errors, editorKind })
    case 'unavailable':
      c.status(503)
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
      return renderEditor(c, { postId, values, notice: c.var.a.notSavedTryAgain, editorKind })
    case 'conflict':
      // 409: the form as typed, the stored version beside it; saving again replaces the stored one.
      c.status(409)
      return renderEditor(c, {
        editorKind,
        postId: outcome.current.id,
        values: { ...values, version: String(outcome.current.version) },
        yourVersion: values.version,
        conflict: outcome.current,
      })
  }
}

/** What an autosave answers: its outcome for the status line and, with versions, the new one. */
function AutosaveResult({ message, version }: { message: string; version?: unknown }) {
  return (
    <>
      <p id="autosave-status" class="autosave-status" role="status">
        {message}
      </p>
      {typeof version === 'number' && (
        <input type="hidden" name="version" id="post-version" value={String(version)} />
      )}
    </>
  )
}

/** The status line an autosave answers with. */
export function respondToAutosave(
  c: Context<AdminEnv>,
  outcome: AutosaveOutcome,
  editorKind: EditorKind = POST_EDITOR,
) {
  const { a, site } = c.var
  const time = formatTimeOfDay(new Date(), site.timeZone)
  switch (outcome.kind) {
    case 'loggedOut':
      c.status(401)
      return c.html(<AutosaveResult message={a.autosaveLoggedOut} />)
    case 'tooLarge':
      c.status(413)
      return c.html(<AutosaveResult message={`${a.autosaveFailed} ${a.errors.bodyTooLarge}`} />)
    case 'keptAside':
      return c.html(<AutosaveResult message={a.autosavedAside(time)} />)
    case 'invalid':
      c.status(422)
      return c.html(
        <AutosaveResult message={`${a.autosaveFailed} ${errorText(a, outcome.error)}`} />,
      )
    case 'conflict':
      c.status(409)
      return c.html(<AutosaveResult message={a.autosaveConflict} />)
    case 'saved':
      if (outcome.newPostId) c.header('Post-Url', `${editorKind.basePath}/${outcome.newPostId}`)
      return c.html(<AutosaveResult message={a.autosavedDraft(time)} version={outcome.version} />)
  }
}
