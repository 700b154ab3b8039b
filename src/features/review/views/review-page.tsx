import type { PostKind, User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { formatDateTime } from '../../../lib/dates'
import { FIELD_MAX } from '../../../lib/validation/limits'
import type { Site } from '../../../types'
import { AdminNav, Notice } from '../../../ui/admin-nav'
import type { ReviewMessages } from '../messages'

export type QueueItem = {
  postId: number
  kind: PostKind
  title: string
  excerpt: string
  version: number
  authorName: string
  submittedAt: Date
  submitNote: string
  submittedByName: string | null
}

type ReviewPageProps = {
  site: Site
  a: AdminMessages
  r: ReviewMessages
  editor: User
  items: QueueItem[]
  notice?: string | null
  /** Why the last action did nothing: a heading and the reasons. */
  error?: { message: string; details: string[] } | null
}

const EDITORS: Record<PostKind, string> = { post: 'posts', note: 'notes', page: 'pages' }
const editorHref = (item: QueueItem) => `/admin/${EDITORS[item.kind]}/${item.postId}`

function QueueEntry({
  site,
  a,
  r,
  item,
}: Omit<ReviewPageProps, 'items' | 'editor'> & { item: QueueItem }) {
  const when = formatDateTime(item.submittedAt, site.locale, site.timeZone)
  const id = `review-${item.postId}`
  return (
    <li class="review-item" data-post-id={item.postId}>
      <h2 id={`${id}-title`}>
        <a href={editorHref(item)}>{item.title}</a>
      </h2>
      <p class="help">
        {r.kind[item.kind]} · {r.byline}: {item.authorName} ·{' '}
        {r.submittedBy(item.submittedByName ?? r.someone, when)}
      </p>
      {item.excerpt && <p>{item.excerpt}</p>}
      {item.submitNote && (
        <p>
          {r.theirNote}: <q class="review-note">{item.submitNote}</q>
        </p>
      )}
      <form method="post" action={`/admin/review/${item.postId}/publish`} class="form-row">
        <input type="hidden" name="version" value={String(item.version)} />
        <button type="submit" name="when" value="now">
          {r.publishNow}
        </button>
        <label>
          {a.publishDate}
          <input type="date" name="publishDate" />
        </label>
        <label>
          {a.publishTime}
          <input type="time" name="publishTime" />
        </label>
        <input type="hidden" name="timeZone" value={site.timeZone} />
        <button type="submit" name="when" value="schedule" class="secondary">
          {r.schedule}
        </button>
      </form>
      <form method="post" action={`/admin/review/${item.postId}/return`} class="stack narrow">
        <label>
          {r.returnNote}
          <textarea name="note" rows={3} required maxlength={FIELD_MAX.reviewNote}></textarea>
        </label>
        <button type="submit" class="secondary">
          {r.sendBack}
        </button>
      </form>
      <p>
        <a href={editorHref(item)}>{r.open}</a>
      </p>
    </li>
  )
}

/** `/admin/review`: what contributors submitted, oldest first, with what an editor can do. */
export function ReviewPage(props: ReviewPageProps) {
  const { a, r, editor, items } = props
  return (
    <section class="admin review">
      <AdminNav a={a} editor={editor} />
      <h1>{r.title}</h1>
      <p>{r.intro}</p>
      <Notice message={props.notice} />
      {props.error && (
        <div class="notice notice-error" role="alert">
          <p>{props.error.message}</p>
          {props.error.details.length > 0 && (
            <ul>
              {props.error.details.map((detail) => (
                <li>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {items.length === 0 ? (
        <p>{r.empty}</p>
      ) : (
        <ol class="review-queue">
          {items.map((item) => (
            <QueueEntry site={props.site} a={a} r={r} item={item} />
          ))}
        </ol>
      )}
    </section>
  )
}
