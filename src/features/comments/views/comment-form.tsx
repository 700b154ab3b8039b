import { raw } from 'hono/html'
import type { CommentMessages } from '../messages'
import { EMPTY_COMMENT_FORM, type CommentForm } from '../schemas'

export type FormState = {
  form?: CommentForm
  reasons?: string[]
  notice?: string | null
  /** The comment just published, as stored (sanitized HTML). */
  posted?: string
}

/**
 * The comment form: a plain HTML form that works without JavaScript; htmx, when it is there,
 * sends it in place and swaps in the answer (this form again, with its notice or its reasons).
 */
export function CommentForm({
  m,
  action,
  token,
  state = {},
}: {
  m: CommentMessages
  action: string
  token: string
  state?: FormState
}) {
  const form = state.form ?? EMPTY_COMMENT_FORM
  const reasons = state.reasons ?? []
  return (
    <form
      class="comment-form"
      id="comment-form"
      method="post"
      action={action}
      hx-post={action}
      hx-target="this"
      hx-swap="outerHTML"
    >
      <h3>{m.formHeading}</h3>
      {state.notice && (
        <p class="comment-notice" role="status">
          {state.notice}
        </p>
      )}
      {state.posted && <div class="comment-body comment-posted">{raw(state.posted)}</div>}
      {reasons.length > 0 && (
        <div class="comment-errors" role="alert">
          {reasons.map((reason) => (
            <p>{reason}</p>
          ))}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="parent" value={form.parent} />
      <p>
        <label for="comment-name">{m.name}</label>
        <input
          id="comment-name"
          name="name"
          required
          maxlength={100}
          value={form.name}
          autocomplete="name"
        />
      </p>
      <p>
        <label for="comment-email">{m.email}</label>
        <input
          id="comment-email"
          name="email"
          type="email"
          value={form.email}
          autocomplete="email"
          aria-describedby="comment-email-hint"
        />
        <small id="comment-email-hint">{m.emailHint}</small>
      </p>
      <p>
        <input id="comment-notify" name="notify" type="checkbox" checked={form.notify === 'on'} />{' '}
        <label for="comment-notify">{m.notify}</label>
      </p>
      <p>
        <label for="comment-url">{m.website}</label>
        <input id="comment-url" name="url" type="url" value={form.url} autocomplete="url" />
      </p>
      {/* The honeypot: `hidden`, so no person sees it nor reaches it; scripts fill it in. */}
      <p hidden>
        <label for="comment-phone">{m.honeypot}</label>
        <input id="comment-phone" name="phone" tabindex={-1} autocomplete="off" value="" />
      </p>
      <p>
        <label for="comment-text">{m.comment}</label>
        <textarea
          id="comment-text"
          name="comment"
          required
          rows={6}
          maxlength={5000}
          aria-describedby="comment-text-hint"
        >
          {form.comment}
        </textarea>
        <small id="comment-text-hint">{m.commentHint}</small>
      </p>
      <p>
        <button type="submit">{m.submit}</button>
      </p>
    </form>
  )
}
