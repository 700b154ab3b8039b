import type { Context } from 'hono'
import type { AdminEnv } from '../../types'
import { accountLinkMessagesFor } from './messages'
import { LinkGonePage } from './views/link-pages'

export type GoneReason =
  | 'invitationUsed'
  | 'invitationExpired'
  | 'invitationRevoked'
  | 'emailTaken'
  | 'recoveryUsed'
  | 'recoveryExpired'
  | 'accountDisabled'

/** 410 Gone: the link existed and will not work again; the page says why and what to do. */
export function renderGone(c: Context<AdminEnv>, reason: GoneReason) {
  const [title, body] = accountLinkMessagesFor(c.var.site.locale).gone[reason]
  c.status(reason === 'emailTaken' ? 409 : 410)
  return c.render(<LinkGonePage title={title} body={body} a={c.var.a} />, {
    title,
    admin: true,
  })
}
