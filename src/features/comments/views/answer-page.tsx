import type { CommentMessages } from '../messages'
import { CommentForm, type FormState } from './comment-form'

/** Without JavaScript, the answer to a comment: the notice or the reasons, the form, the way back. */
export function CommentAnswerPage({
  m,
  post,
  action,
  token,
  state,
}: {
  m: CommentMessages
  post: { slug: string; kind: string; title: string; language: string }
  action: string
  token: string
  state: FormState
}) {
  const back =
    post.kind === 'page'
      ? `/${encodeURIComponent(post.slug)}`
      : `/posts/${encodeURIComponent(post.slug)}`
  return (
    <section class="comments" id="comments" lang={post.language}>
      <h1>{post.title}</h1>
      <p>
        <a href={`${back}#comments`}>← {post.title}</a>
      </p>
      <CommentForm m={m} action={action} token={token} state={state} />
    </section>
  )
}
