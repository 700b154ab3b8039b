import { raw } from 'hono/html'
import { formatPostDate, isoDate } from '../../../lib/dates'
import type { Locale } from '../../../i18n/site'
import type { ShownComment } from '../queries'

export function CommentItem({
  comment,
  locale,
  timeZone,
  children,
}: {
  comment: ShownComment
  locale: Locale
  timeZone: string
  children?: unknown
}) {
  const name = comment.authorUrl ? (
    <a href={comment.authorUrl} rel="nofollow ugc noopener">
      {comment.authorName}
    </a>
  ) : (
    comment.authorName
  )
  return (
    <li class={comment.byAuthor ? 'comment by-author' : 'comment'} id={`comment-${comment.id}`}>
      <p class="comment-meta">
        <strong class="comment-author">{name}</strong> ·{' '}
        <time datetime={isoDate(comment.createdAt)}>
          {formatPostDate(comment.createdAt, locale, timeZone)}
        </time>
      </p>
      {/* Rendered from the comment's Markdown subset and sanitized when it was stored. */}
      <div class="comment-body">{raw(comment.html)}</div>
      {children}
    </li>
  )
}

/** Top-level comments oldest first, each with its replies under it. */
export function CommentList({
  comments,
  locale,
  timeZone,
}: {
  comments: ShownComment[]
  locale: Locale
  timeZone: string
}) {
  const replies = new Map<number, ShownComment[]>()
  for (const comment of comments)
    if (comment.parentId !== null)
      replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment])
  const top = comments.filter((comment) => comment.parentId === null)
  return (
    <ol class="comment-list">
      {top.map((comment) => (
        <CommentItem comment={comment} locale={locale} timeZone={timeZone}>
          {replies.has(comment.id) && (
            <ol class="comment-replies">
              {replies.get(comment.id)!.map((reply) => (
                <CommentItem comment={reply} locale={locale} timeZone={timeZone} />
              ))}
            </ol>
          )}
        </CommentItem>
      ))}
    </ol>
  )
}
