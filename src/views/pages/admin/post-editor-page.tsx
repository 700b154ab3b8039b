import { raw } from 'hono/html'
import type { PostRevision, User } from '../../../db/schema'
import { POST_STATUSES } from '../../../db/schema'
import { formatDateTime } from '../../../lib/dates'
import type { AdminMessages } from '../../../lib/i18n-admin'
import type { PostFormField, PostFormValues } from '../../../lib/post-form'
import type { Site } from '../../../types'
import { mediaMessagesFor } from '../../../lib/i18n-media'
import type { Media } from '../../../db/schema'
import { AdminNav, FieldError, Notice } from '../../partials/admin/admin-nav'
import { FeaturedImageField } from '../../partials/admin/featured-image-field'
import { ImageAltDialog, ImageUploader } from '../../partials/admin/image-upload'
import {
  CategoryFields,
  LanguageAuthorFields,
  PublishDateFields,
} from '../../partials/admin/post-settings-fields'
import { InlineLogin } from './login-page'

export type PostEditorProps = {
  site: Site
  a: AdminMessages
  editor: User | null
  postId: number | null
  values: PostFormValues
  errors: Partial<Record<PostFormField, string>>
  authors: { id: number; name: string }[]
  categories: { id: number; name: string }[]
  revisions: (Pick<PostRevision, 'id' | 'title' | 'createdAt'> & { savedByName: string | null })[]
  previewHtml: string
  timeZones: string[]
  notice?: string | null
  loginError?: string | null
  /** The featured image the form names, when it exists. */
  featuredImage?: Pick<Media, 'key' | 'width' | 'height'> | null
}

const describedBy = (field: string, hasError: boolean) => (hasError ? `${field}-error` : undefined)

export function PostEditorPage(props: PostEditorProps) {
  const { site, a, editor, postId, values, errors, authors, categories } = props
  const action = postId ? `/admin/posts/${postId}` : '/admin/posts'
  const hasErrors = Object.keys(errors).length > 0
  return (
    <section class="admin editor">
      {editor && <AdminNav a={a} editor={editor} />}
      <h1>{postId ? values.title || a.edit : a.newPost}</h1>
      <Notice message={props.notice} />
      {hasErrors && <Notice message={a.fixErrors} tone="error" />}
      <form method="post" action={action} class="post-form">
        {!editor && <InlineLogin a={a} error={props.loginError} />}
        <div class="editor-columns">
          <div class="stack">
            <label>
              {a.title}
              <input
                name="title"
                value={values.title}
                required
                maxlength={200}
                aria-invalid={errors.title ? 'true' : undefined}
                aria-describedby={describedBy('title', !!errors.title)}
              />
            </label>
            <FieldError id="title-error" message={errors.title} />
            <label>
              {a.slug}
              <input
                name="slug"
                value={values.slug}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                aria-invalid={errors.slug ? 'true' : undefined}
                aria-describedby={errors.slug ? 'slug-error' : 'slug-help'}
              />
            </label>
            <p class="help" id="slug-help">
              {a.slugHelp}
            </p>
            <FieldError id="slug-error" message={errors.slug} />
            <label>
              {a.excerpt}
              <textarea name="excerpt" rows={3} aria-describedby="excerpt-help">
                {values.excerpt}
              </textarea>
            </label>
            <p class="help" id="excerpt-help">
              {a.excerptHelp}
            </p>
            <label for="markdown">{a.body}</label>
            <textarea
              id="markdown"
              name="markdown"
              rows={22}
              aria-invalid={errors.markdown ? 'true' : undefined}
              aria-describedby={describedBy('markdown', !!errors.markdown)}
            >
              {values.markdown}
            </textarea>
            <FieldError id="markdown-error" message={errors.markdown} />
            <ImageUploader m={mediaMessagesFor(site.locale)} />
          </div>
          <div class="preview-column">
            <h2 id="preview-heading">{a.preview}</h2>
            <div
              class="post-body preview"
              id="preview"
              aria-labelledby="preview-heading"
              aria-live="polite"
              hx-post="/admin/posts/preview"
              hx-trigger="input from:#markdown delay:400ms, change from:[name=language]"
              hx-include="#markdown, [name=language]"
              hx-swap="innerHTML"
            >
              {raw(props.previewHtml)}
            </div>
          </div>
        </div>

        <FeaturedImageField
          m={mediaMessagesFor(site.locale)}
          path={values.featuredImage}
          alt={values.featuredImageAlt}
          image={props.featuredImage ?? null}
          errors={errors}
        />

        <CategoryFields
          a={a}
          values={values}
          errors={errors}
          categories={categories}
          newCategoryMax={60}
        />
        <LanguageAuthorFields a={a} values={values} errors={errors} authors={authors} />

        <fieldset>
          <legend>{a.status}</legend>
          {POST_STATUSES.map((status) => (
            <label class="check">
              <input type="radio" name="status" value={status} checked={values.status === status} />{' '}
              {a.statusLabel[status]}
            </label>
          ))}
          <FieldError id="status-error" message={errors.status} />
          <PublishDateFields a={a} values={values} errors={errors} timeZones={props.timeZones} />
        </fieldset>

        <div class="form-actions">
          <button type="submit">{a.save}</button>
          {postId && editor && (
            <a class="danger-link" href={`/admin/posts/${postId}/delete`}>
              {a.delete}
            </a>
          )}
        </div>
      </form>
      <ImageAltDialog m={mediaMessagesFor(site.locale)} />

      {postId && editor && (
        <section class="revisions">
          <h2>{a.revisions}</h2>
          {props.revisions.length === 0 && <p>{a.noRevisions}</p>}
          <ol>
            {props.revisions.map((revision) => (
              <li>
                <span>
                  {formatDateTime(revision.createdAt, site.locale, site.timeZone)}
                  {revision.savedByName && ` — ${revision.savedByName}`} — {revision.title}
                </span>
                <form
                  method="post"
                  action={`/admin/posts/${postId}/revisions/${revision.id}/restore`}
                  class="inline-form"
                >
                  <button type="submit" class="link-button">
                    {a.restoreRevision}
                  </button>
                </form>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  )
}
