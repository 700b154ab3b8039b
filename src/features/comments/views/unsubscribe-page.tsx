import type { CommentMessages } from '../messages'

export function UnsubscribePage({
  m,
  action,
  done,
}: {
  m: CommentMessages
  action: string
  done: boolean
}) {
  return (
    <section class="admin">
      <h1>{m.unsubscribeTitle}</h1>
      {done ? (
        <p role="status">{m.unsubscribed}</p>
      ) : (
        <form method="post" action={action}>
          <p>{m.unsubscribeText}</p>
          <button type="submit">{m.unsubscribeButton}</button>
        </form>
      )}
    </section>
  )
}
