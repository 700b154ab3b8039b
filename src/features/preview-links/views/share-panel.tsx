import { formatDateTime } from '../../../lib/dates'
import type { Site } from '../../../types'
import { previewLinkMessagesFor } from '../messages'
import type { PreviewLink } from '../queries'

/**
 * On a draft's or a scheduled post's edit page: makes, shows and revokes its preview address.
 * Plain forms, outside the post form (forms cannot nest).
 */
export function SharePreviewPanel(props: {
  site: Site
  postId: number
  link: PreviewLink | null
  origin: string
}) {
  const { site, postId, link } = props
  const m = previewLinkMessagesFor(site.locale)
  const action = `/admin/preview-links/${postId}`
  return (
    <section class="preview-share" id="preview-share" aria-labelledby="preview-share-title">
      <h2 id="preview-share-title">{m.title}</h2>
      <p class="help">{m.explain}</p>
      {link && (
        <>
          <label>
            {m.address}
            <input
              readonly
              value={`${props.origin}${link.path}`}
              aria-describedby="preview-share-expiry"
            />
          </label>
          <p class="help" id="preview-share-expiry">
            {m.validUntil(formatDateTime(link.expiresAt, site.locale, site.timeZone))}
          </p>
        </>
      )}
      <div class="form-actions">
        <form method="post" action={action} class="inline-form">
          <button type="submit">{m.share}</button>
        </form>
        {link && (
          <form method="post" action={`${action}/revoke`} class="inline-form">
            <button type="submit" class="secondary">
              {m.revoke}
            </button>
          </form>
        )}
      </div>
    </section>
  )
}
