import { MailingFields, type DeliveryCounts } from '../../subscriptions'
import { raw } from 'hono/html'
import type { PostRevision, User } from '../../../db/schema'
import { POST_STATUSES } from '../../../db/schema'
import { formatDateTime } from '../../../lib/dates'
import type { AdminMessages } from '../../../i18n/admin'
import type { PostFormField, PostFormValues } from '../schemas'
import { FIELD_MAX } from '../../../lib/validation/limits'
import { excerptFromMarkdown } from '../../../lib/markdown'
import { EDITOR_SCRIPT_SRC } from '../../../ui/assets'
import type { Site } from '../../../types'
import { mediaMessagesFor } from '../../media'
import type { Media } from '../../../db/schema'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { FeaturedImageField } from '../../media'
import { ImageAltDialog, ImageUploader } from '../../media'
import { VisualEditorAssets } from '../../visual-editor'
import { SharePreviewPanel, type PreviewLink } from '../../preview-links'
import {
  CategoryFields,
  LanguageAuthorFields,
  LanguageField,
  PublishDateFields,
} from './post-settings-fields'
import { POST_EDITOR, type EditorKind } from '../editor-kind'
import { SLUG_INPUT_PATTERN } from '../../../lib/slug'
import { mayPublish } from '../../auth'
import type { ReviewWithNames } from '../review-state'
import { ContributorStatus, ReviewStatus, SubmitForReviewFields } from './review-fields'
import { postReviewMessagesFor } from '../review-messages'
import { CommentsClosedField } from '../../comments'

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
  /** A stale save: the stored version, shown beside the form that keeps what was typed. */
  conflict?: { version: number; title: string; excerpt: string; markdown: string } | null
  /** The version this form was loaded from, when it differs from `values.version`. */
  yourVersion?: string
  /** The featured image the form names, when it exists. */
  featuredImage?: Pick<Media, 'key' | 'width' | 'height'> | null
  /** "View post" for a live post, "Preview" for a draft or a scheduled one. */
  postLink?: { href: string; label: string } | null
  /** Text autosaved aside from a live post and not saved since. */
  autosave?: { time: string } | null
  /** The posts' editor, or the pages' (no categories, author, featured image or schedule). */
  editorKind?: EditorKind
  /** A draft or a scheduled post: its preview address, if one is shared (null if none). */
  previewShare?: { link: PreviewLink | null } | null
  /** The post's review, when a contributor submitted it. */
  review?: ReviewWithNames | null
  /** Opened by someone who may not change it (a contributor, once their post is published). */
  locked?: string | null
  /** Posts: the **Email to subscribers** box and its counts (features/subscriptions). */
  mailing?: { checked: boolean; counts: DeliveryCounts | null } | null
}

/** A page's fields that posts have and pages do not, kept as they are in hidden inputs. */
function PageHiddenFields({ values }: { values: PostFormValues }) {
  return (
    <>
      <input type="hidden" name="authorId" value={values.authorId} />
      <input type="hidden" name="publishDate" value={values.publishDate} />
      <input type="hidden" name="publishTime" value={values.publishTime} />
      <input type="hidden" name="timeZone" value={values.timeZone} />
    </>
  )
}

/** Says whether the excerpt is the editor's own or generated, and shows the generated one. */
export function ExcerptSource(props: {
  a: AdminMessages
  excerpt: string
  generated: string
  oob?: boolean
}) {
  const { a, excerpt, generated } = props
  return (
    <p class="help" id="excerpt-help" hx-swap-oob={props.oob ? 'outerHTML' : undefined}>
      {excerpt.trim() ? (
        a.excerptCustom
      ) : generated ? (
        <>
          {a.excerptGenerated} <q class="excerpt-generated">{generated}</q>
        </>
      ) : (
        a.excerptNone
      )}
    </p>
  )
}

const describedBy = (field: string, hasError: boolean) => (hasError ? `${field}-error` : undefined)

export function PostEditorPage(props: PostEditorProps) {
  const { site, a, editor, postId, values, errors, authors, categories } = props
  const { kind, basePath } = props.editorKind ?? POST_EDITOR
  const isPage = kind === 'page'
  const action = postId ? `${basePath}/${postId}` : basePath
  const hasErrors = Object.keys(errors).length > 0
  const statuses = isPage ? (['draft', 'published'] as const) : POST_STATUSES
  // A contributor saves drafts and submits them; the relogin form (no editor yet) shows it all.
  const draftsOnly = editor !== null && !mayPublish(editor)
  return (
    <section class="admin editor">
      {editor && <AdminNav a={a} editor={editor} />}
      <h1>{postId ? values.title || a.edit : isPage ? a.newPage : a.newPost}</h1>
      <Notice message={props.notice} />
      {props.review && <ReviewStatus site={site} review={props.review} />}
      {props.locked && <Notice message={props.locked} />}
      {props.postLink && (
        <p class="post-link">
          <a href={props.postLink.href}>{props.postLink.label}</a>
        </p>
      )}
      {props.autosave && postId && (
        <p class="notice notice-info">
          {a.autosaveFound(props.autosave.time)}{' '}
          <a href={`${basePath}/${postId}?autosave=1`}>{a.restoreAutosave}</a>
        </p>
      )}
      {hasErrors && <Notice message={a.fixErrors} tone="error" />}
      {props.conflict && (
        <section class="conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{a.conflictTitle}</h2>
          <p>{a.conflictExplain(props.conflict.version, Number(props.yourVersion) || 0)}</p>
          <h3>
            {a.theirVersion} ({props.conflict.version}): {props.conflict.title}
          </h3>
          <p>{props.conflict.excerpt}</p>
          <textarea readonly rows={12} aria-label={a.theirVersion}>
            {props.conflict.markdown}
          </textarea>
        </section>
      )}
      <form
        method="post"
        action={action}
        class="post-form"
        data-autosave={editor && !props.locked ? `${action}/autosave` : undefined}
        data-offline={a.autosaveOffline}
      >
        <input type="hidden" name="version" id="post-version" value={values.version} />
        <div class="editor-columns">
          <div class="stack">
            <label>
              {a.title}
              <input
                name="title"
                value={values.title}
                required
                maxlength={FIELD_MAX.title}
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
                maxlength={FIELD_MAX.slug}
                pattern={SLUG_INPUT_PATTERN}
                aria-invalid={errors.slug ? 'true' : undefined}
                aria-describedby={errors.slug ? 'slug-error' : 'slug-help'}
              />
            </label>
            <p class="help" id="slug-help">
              {isPage ? a.pageSlugHelp : a.slugHelp}
            </p>
            <FieldError id="slug-error" message={errors.slug} />
            <label>
              {a.excerpt}
              <textarea
                name="excerpt"
                rows={3}
                maxlength={FIELD_MAX.excerpt}
                aria-invalid={errors.excerpt ? 'true' : undefined}
                aria-describedby={errors.excerpt ? 'excerpt-error' : 'excerpt-help'}
              >
                {values.excerpt}
              </textarea>
            </label>
            <ExcerptSource
              a={a}
              excerpt={values.excerpt}
              generated={excerptFromMarkdown(values.markdown)}
            />
            <FieldError id="excerpt-error" message={errors.excerpt} />
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
              role="region"
              aria-labelledby="preview-heading"
              hx-post="/admin/posts/preview"
              hx-trigger="input from:#markdown delay:400ms, change from:[name=language], change from:[name=excerpt]"
              hx-include="#markdown, [name=language], [name=excerpt]"
              hx-swap="innerHTML"
            >
              {raw(props.previewHtml)}
            </div>
            {/* Announces that the preview changed, never the whole preview again. */}
            <p id="preview-status" class="visually-hidden" role="status" aria-live="polite"></p>
          </div>
        </div>

        {isPage ? (
          <>
            <PageHiddenFields values={values} />
            <LanguageField a={a} language={values.language} />
            <FieldError id="language-error" message={errors.language} />
            <label class="check">
              <input
                type="checkbox"
                name="showInNavigation"
                value="on"
                checked={values.showInNavigation === 'on'}
                aria-describedby="showInNavigation-help"
              />{' '}
              {a.showInNavigation}
            </label>
            <p class="help" id="showInNavigation-help">
              {a.showInNavigationHelp}
            </p>
          </>
        ) : (
          <>
            <FeaturedImageField
              m={mediaMessagesFor(site.locale)}
              path={values.featuredImage}
              alt={values.featuredImageAlt}
              image={props.featuredImage ?? null}
              errors={errors}
            />
            {props.mailing && (
              <MailingFields
                locale={site.locale}
                checked={props.mailing.checked}
                counts={props.mailing.counts}
              />
            )}

            <CategoryFields
              a={a}
              values={values}
              errors={errors}
              categories={categories}
              newCategoryMax={FIELD_MAX.categoryName}
            />
            <LanguageAuthorFields a={a} values={values} errors={errors} authors={authors} />
          </>
        )}

        <fieldset>
          <legend>{a.status}</legend>
          {draftsOnly ? (
            <ContributorStatus site={site} values={values} />
          ) : (
            <>
              {statuses.map((status) => (
                <label class="check">
                  <input
                    type="radio"
                    name="status"
                    value={status}
                    checked={values.status === status}
                  />{' '}
                  {a.statusLabel[status]}
                </label>
              ))}
              <FieldError id="status-error" message={errors.status} />
              {!isPage && (
                <PublishDateFields
                  a={a}
                  values={values}
                  errors={errors}
                  timeZones={props.timeZones}
                />
              )}
            </>
          )}
          <CommentsClosedField locale={site.locale} closed={values.commentsClosed === 'on'} />
        </fieldset>

        {draftsOnly && !props.locked && (
          <SubmitForReviewFields site={site} values={values} error={errors.reviewNote} />
        )}
        {!props.locked && (
          <div class="form-actions">
            <button type="submit">{a.save}</button>
            {draftsOnly && (
              <button type="submit" name="review" value="submit" class="secondary">
                {postReviewMessagesFor(site.locale).submitForReview}
              </button>
            )}
            <p id="autosave-status" class="autosave-status" role="status"></p>
            {postId && editor && (
              <a class="danger-link" href={`${basePath}/${postId}/delete`}>
                {a.delete}
              </a>
            )}
          </div>
        )}
      </form>
      <ImageAltDialog m={mediaMessagesFor(site.locale)} />
      {postId && editor && props.previewShare && !props.locked && (
        <SharePreviewPanel
          site={site}
          postId={postId}
          link={props.previewShare.link}
          origin={site.url}
        />
      )}

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
                {!props.locked && (
                  <form
                    method="post"
                    action={`${basePath}/${postId}/revisions/${revision.id}/restore`}
                    class="inline-form"
                  >
                    <button type="submit" class="link-button">
                      {a.restoreRevision}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {editor && <script src={EDITOR_SCRIPT_SRC} defer></script>}
      {editor && <VisualEditorAssets locale={site.locale} />}
    </section>
  )
}
