import type { MediaListItem, MediaUse } from '../queries'
import type { User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { formatFileSize, type MediaMessages } from '../messages'
import type { Site } from '../../../types'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { MediaImage } from './media-image'
import { mayDeleteMedia } from '../media-access'

export type UploadFormValues = { alt: string }

type MediaPageProps = {
  site: Site
  a: AdminMessages
  m: MediaMessages
  editor: User
  items: MediaListItem[]
  olderHref: string | null
  form: UploadFormValues
  errors: Partial<Record<'file' | 'alt', string>>
  notice?: string | null
  /** A refused delete: the posts that still use the image. */
  refused?: { key: string; uses: MediaUse[] } | null
}

export function UsesList({ m, uses }: { m: MediaMessages; uses: MediaUse[] }) {
  return (
    <ul class="media-uses">
      {uses.map((use) => (
        <li>
          <a href={`/admin/posts/${use.postId}`}>{use.title}</a>
          {use.role === 'featured' && ` (${m.featured})`}
          {use.inTrash && ` (${m.inTrash})`}
        </li>
      ))}
    </ul>
  )
}

export function MediaPage(props: MediaPageProps) {
  const { site, a, m, editor, items, form, errors } = props
  return (
    <section class="admin media-admin">
      <AdminNav a={a} editor={editor} />
      <h1>{m.mediaTitle}</h1>
      <Notice message={props.notice} />
      {props.refused && (
        <div class="notice notice-error" role="alert">
          <p>{m.deleteRefused}</p>
          <UsesList m={m} uses={props.refused.uses} />
        </div>
      )}
      <form method="post" action="/admin/media" enctype="multipart/form-data" class="stack narrow">
        <h2>{m.uploadImage}</h2>
        <label>
          {m.file}
          <input
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            required
            aria-invalid={errors.file ? 'true' : undefined}
            aria-describedby={errors.file ? 'file-error' : 'file-help'}
          />
        </label>
        <p class="help" id="file-help">
          {m.fileHelp}
        </p>
        <FieldError id="file-error" message={errors.file} />
        <label>
          {m.alt}
          <input
            name="alt"
            value={form.alt}
            maxlength={500}
            aria-invalid={errors.alt ? 'true' : undefined}
            aria-describedby={errors.alt ? 'alt-error' : 'alt-help'}
          />
        </label>
        <p class="help" id="alt-help">
          {m.altHelp}
        </p>
        <FieldError id="alt-error" message={errors.alt} />
        <div class="form-actions">
          <button type="submit">{m.upload}</button>
        </div>
      </form>

      {items.length === 0 && <p>{m.noMedia}</p>}
      <ul class="media-grid">
        {items.map(({ media, uses }) => (
          <li class="media-item" data-media-id={media.id}>
            <MediaImage
              image={media}
              alt={media.alt}
              sizes="12rem"
              responsive={site.responsiveImages}
            />
            <dl>
              <dt>{m.size}</dt>
              <dd>
                {media.width} × {media.height} px, {formatFileSize(media.bytes, site.locale)}
              </dd>
              <dt>{m.alt}</dt>
              <dd>{media.alt || '—'}</dd>
              <dt>{m.copyPath}</dt>
              <dd>
                <code>/media/{media.key}</code>
              </dd>
              <dt>{m.usedIn}</dt>
              <dd>{uses.length === 0 ? m.notUsed : <UsesList m={m} uses={uses} />}</dd>
            </dl>
            {mayDeleteMedia(editor, media) && (
              <form method="post" action={`/admin/media/${media.id}/delete`} class="inline-form">
                <button type="submit" class="link-button danger-link">
                  {m.delete}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {props.olderHref && (
        <p>
          <a href={props.olderHref}>{m.older}</a>
        </p>
      )}
    </section>
  )
}
