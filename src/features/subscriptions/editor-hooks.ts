import type { Db } from '../../db/client'
import { isLocalRequest } from '../../lib/local-request'
import { deliveryCounts } from './queries'
import { mailingWanted, requestMailing } from './request-mailing'

/**
 * After a post is saved from its form: `emailSubscribers` as ticked when the box was on the form
 * (`emailSubscribersShown`), else the post's earlier choice or its kind's default.
 */
export async function mailAfterSave(
  c: {
    env: Pick<Env, 'MAIL_QUEUE'>
    var: { db: Db; site: { url: string } }
    req: { url: string }
  },
  postId: number,
  form: { emailSubscribers?: string; emailSubscribersShown?: string },
) {
  const wanted = form.emailSubscribersShown === '1' ? form.emailSubscribers === 'on' : null
  await requestMailing(c.env, c.var.db, postId, wanted, {
    siteUrl: c.var.site.url,
    local: isLocalRequest(c.req.url),
  })
}

/** What the post form shows: the box's state and, once sent, the counts. */
export async function mailingFormState(db: Db, postId: number | null, kind: string) {
  const [checked, counts] = await Promise.all([
    mailingWanted(db, postId, kind),
    postId ? deliveryCounts(db, postId) : null,
  ])
  const any = counts && counts.queued + counts.sent + counts.failed > 0
  return { checked, counts: any ? counts : null }
}
