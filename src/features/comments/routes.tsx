import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { bodyLimit } from 'hono/body-limit'
import { FRAGMENT_VARY, isFragmentRequest } from '../../lib/htmx'
import { typedForm } from '../../lib/validation/form'
import type { AppEnv } from '../../types'
import { toLocale } from '../../i18n/site'
import { formToken } from './form-token'
import { commentMessagesFor } from './messages'
import { commentsAction } from './on-page'
import { commentablePost } from './queries'
import { commentFields, EMPTY_COMMENT_FORM, type CommentForm } from './schemas'
import { submitComment } from './submit'
import { CommentForm as FormView, type FormState } from './views/comment-form'
import { CommentAnswerPage } from './views/answer-page'

/**
 * A reader's comment, sent as a plain form (a page answers) or by htmx (the form answers, in
 * place). Readers' answers set no cookie: nothing is remembered between requests.
 */
async function postComment(
  c: Context<AppEnv>,
  slug: string,
  kind: 'post' | 'page',
  form: CommentForm,
) {
  const now = Date.now()
  const post = await commentablePost(c.var.db, slug, kind, now)
  if (!post) throw new HTTPException(404)
  const m = commentMessagesFor(toLocale(post.language))
  const outcome = await submitComment(c, post, form, m, now)
  const action = commentsAction(post)
  c.header('Vary', FRAGMENT_VARY)
  c.header('Cache-Control', 'no-store')
  let state: FormState
  if (outcome.kind === 'refused') {
    c.status(outcome.httpStatus)
    state = { form, reasons: outcome.reasons }
  } else {
    c.status(outcome.status === 'approved' ? 201 : 202)
    if (outcome.status === 'approved') c.set('readerPublished', true)
    // Spam is not told apart from a held comment: a spammer learns nothing from the answer.
    const notice = outcome.status === 'approved' ? m.published : m.held
    state = {
      form: EMPTY_COMMENT_FORM,
      notice,
      posted: outcome.status === 'approved' ? outcome.html : undefined,
    }
  }
  // A new token: the form answered may be sent again (a refused one, corrected).
  const token = await formToken(c.env.AUTH_PEPPER, post.id, now)
  if (isFragmentRequest(c.req.raw.headers))
    return c.html(<FormView m={m} action={action} token={token} state={state} />)
  return c.render(
    <CommentAnswerPage m={m} post={post} action={action} token={token} state={state} />,
    { title: post.title },
  )
}

/** A comment is at most 5,000 characters: a body far larger is not one, and is not read. */
const limitBody = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new HTTPException(413)
  },
})

/** `/posts/<slug>/comments`: posts and notes. */
export const postCommentRoutes = new Hono<AppEnv>().post(
  '/:slug/comments',
  limitBody,
  typedForm(commentFields),
  (c) => postComment(c, c.req.param('slug'), 'post', c.req.valid('form')),
)

/** `/<slug>/comments`: pages, at the root like the pages themselves. */
export const pageCommentRoutes = new Hono<AppEnv>().post(
  '/:slug/comments',
  limitBody,
  typedForm(commentFields),
  (c) => postComment(c, c.req.param('slug'), 'page', c.req.valid('form')),
)
