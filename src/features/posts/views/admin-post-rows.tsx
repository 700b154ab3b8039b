import type { PostStatus } from '../../../db/schema'
import { formatDateTime } from '../../../lib/dates'
import type { AdminMessages } from '../../../i18n/admin'
import type { Site } from '../../../types'
import type { ReviewState } from '../../../db/schema'
import { postReviewMessagesFor } from '../review-messages'

export type AdminPostRow = {
  id: number
  slug: string
  title: string
  status: PostStatus
  publishedAt: Date | null
  updatedAt: Date
  deletedAt: Date | null
  authorName: string
  views: number
  /** A contributor's draft in review, or sent back with a note. */
  review?: { state: ReviewState; returnNote: string } | null
}

type RowsProps = { site: Site; a: AdminMessages; posts: AdminPostRow[]; nextHref: string | null }

/** Table rows plus, while more remain, a last row whose link loads the next ones in its place. */
export function AdminPostRows({ site, a, posts, nextHref }: RowsProps) {
  const when = (date: Date | null) =>
    date ? formatDateTime(date, site.locale, site.timeZone) : '—'
  const r = postReviewMessagesFor(site.locale)
  return (
    <>
      {posts.map((post) => (
        <tr data-post-id={post.id}>
          <td>
            <a href={`/admin/posts/${post.id}`}>{post.title}</a>
          </td>
          <td>
            <span class={`status status-${post.status}`}>{a.statusLabel[post.status]}</span>
            {post.review && post.status === 'draft' && (
              <>
                {' '}
                <span class={`status review-${post.review.state}`}>
                  {r.reviewLabel[post.review.state]}
                </span>
                {post.review.state === 'returned' && post.review.returnNote && (
                  <q class="review-note">{post.review.returnNote}</q>
                )}
              </>
            )}
          </td>
          <td data-label={a.author}>{post.authorName}</td>
          <td data-label={a.publishDate}>{when(post.publishedAt)}</td>
          <td class="number" data-label={a.viewsLast30Days}>
            {post.views}
          </td>
          <td>
            {post.deletedAt ? (
              <form method="post" action={`/admin/posts/${post.id}/restore`} class="inline-form">
                <button type="submit" class="link-button">
                  {a.restore}
                </button>
              </form>
            ) : (
              <a href={`/admin/posts/${post.id}`}>{a.edit}</a>
            )}
          </td>
        </tr>
      ))}
      {nextHref && (
        <tr class="load-more-row">
          <td colspan={6}>
            <a
              class="load-more"
              href={nextHref}
              hx-get={nextHref}
              hx-target="closest tr"
              hx-swap="outerHTML"
            >
              {a.loadMore}
            </a>
          </td>
        </tr>
      )}
    </>
  )
}
