import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { idParams, lenientQuery, typedForm } from '../../lib/validation/form'
import { FIELD_MAX } from '../../lib/validation/limits'
import type { AdminEnv, EditorEnv } from '../../types'
import { requireContentEditor, requireEditor } from '../auth'
import {
  findPostForEditing,
  findReview,
  listPendingReviews,
  publishReviewed,
  returnForChanges,
} from '../posts'
import { reviewMessagesFor } from './messages'
import { publishFields, returnFields, reviewQuery } from './schemas'
import { ReviewPage } from './views/review-page'

type ReviewContext = Context<EditorEnv>

async function renderQueue(
  c: ReviewContext,
  extra: { notice?: string | null; error?: { message: string; details: string[] } | null } = {},
) {
  const { a, site } = c.var
  const r = reviewMessagesFor(site.locale)
  return c.render(
    <ReviewPage
      site={site}
      a={a}
      r={r}
      editor={c.var.editor}
      items={await listPendingReviews(c.var.db)}
      {...extra}
    />,
    { title: r.title, admin: true },
  )
}

/** The post, if it is still in the queue: anything else was handled meanwhile (409). */
async function pendingPost(c: ReviewContext, id: number) {
  const post = await findPostForEditing(c.var.db, id)
  if (!post) throw new HTTPException(404)
  const review = await findReview(c.var.db, id)
  const pending = review?.state === 'pending' && post.status === 'draft' && !post.deletedAt
  return { post, pending }
}

/**
 * `/admin/review`: the drafts contributors submitted, for editors and the owner, who publish or
 * schedule them (with the editor's checks, on the version shown) or send them back with a note.
 */
export const adminReviewRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireContentEditor)
  .get('/', lenientQuery(reviewQuery), (c) => {
    const r = reviewMessagesFor(c.var.site.locale)
    const done = c.req.valid('query').done
    return renderQueue(c, { notice: done ? r[done] : null })
  })
  .post('/:id{[0-9]+}/publish', idParams, typedForm(publishFields), async (c) => {
    const r = reviewMessagesFor(c.var.site.locale)
    const id = c.req.valid('param').id
    const form = c.req.valid('form')
    const { post, pending } = await pendingPost(c, id)
    if (!pending || form.version === null) {
      c.status(409)
      return renderQueue(c, { error: { message: r.notPending, details: [] } })
    }
    const schedule = form.when === 'schedule' ? form : null
    const outcome = await publishReviewed(c, id, form.version, schedule)
    if (outcome.kind === 'conflict') {
      c.status(409)
      return renderQueue(c, { error: { message: r.conflict, details: [] } })
    }
    if (outcome.kind === 'invalid') {
      c.status(422)
      return renderQueue(c, {
        error: { message: r.cannotPublish(post.title), details: outcome.messages },
      })
    }
    return c.redirect(`/admin/review?done=${schedule ? 'scheduled' : 'published'}`, 303)
  })
  .post('/:id{[0-9]+}/return', idParams, typedForm(returnFields), async (c) => {
    const r = reviewMessagesFor(c.var.site.locale)
    const id = c.req.valid('param').id
    const { note } = c.req.valid('form')
    if (!note || note.length > FIELD_MAX.reviewNote) {
      c.status(422)
      const message = note ? r.noteTooLong : r.noteRequired
      return renderQueue(c, { error: { message, details: [] } })
    }
    const { pending } = await pendingPost(c, id)
    if (!pending || !(await returnForChanges(c.var.db, id, c.var.editor.id, note))) {
      c.status(409)
      return renderQueue(c, { error: { message: r.notPending, details: [] } })
    }
    return c.redirect('/admin/review?done=returned', 303)
  })
