import { toLocale } from '../../../i18n/site'
import { commentMessagesFor } from '../messages'
import type { ShownComment } from '../queries'
import { CommentForm, type FormState } from './comment-form'
import { CommentList } from './comment-list'

/** Under a post, a note or a page: its approved comments, then the form (or "closed"). */
export function CommentsSection({
  language,
  timeZone,
  action,
  comments,
  token,
  state,
}: {
  language: string
  timeZone: string
  action: string
  comments: ShownComment[]
  /** Null when comments are closed. */
  token: string | null
  state?: FormState
}) {
  const locale = toLocale(language)
  const m = commentMessagesFor(locale)
  if (!comments.length && token === null) return null
  return (
    <section class="comments" id="comments" lang={language} aria-labelledby="comments-heading">
      <h2 id="comments-heading">{m.heading}</h2>
      {comments.length ? (
        <CommentList comments={comments} locale={locale} timeZone={timeZone} />
      ) : (
        <p>{m.none}</p>
      )}
      {token === null ? (
        <p>{m.closed}</p>
      ) : (
        <CommentForm m={m} action={action} token={token} state={state} />
      )}
    </section>
  )
}
