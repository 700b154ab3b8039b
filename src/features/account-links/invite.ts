import type { Context } from 'hono'
import type { UserRole } from '../../db/schema'
import { mailerFor } from '../../lib/mail'
import type { EditorEnv } from '../../types'
import { auditRequest } from '../auth'
import { mailHandedLink, untilText, type HandedLink } from './handed-link'
import { createInvitation } from './invitations'
import { invitationMail } from './mails'
import { accountLinkMessagesFor } from './messages'

/**
 * The owner invites `email` as `role`: a link to show them once, emailed too when mail can go
 * out. The message is in the site's language, the one the blog's editors work in.
 */
export async function inviteEditor(
  c: Context<EditorEnv>,
  input: { email: string; role: UserRole },
): Promise<HandedLink> {
  const { db, site, editor, a } = c.var
  const { token, invitation } = await createInvitation(db, { ...input, invitedBy: editor.id })
  const link = `${site.url}/admin/join/${token}`
  await auditRequest(c, {
    event: 'invitation_created',
    email: invitation.email,
    actorId: editor.id,
    detail: input.role,
  })
  const mail = await mailHandedLink(mailerFor(c), () =>
    invitationMail(accountLinkMessagesFor(site.locale), site.locale, {
      to: invitation.email,
      site: site.name,
      inviter: editor.name,
      role: a.roles[input.role],
      link,
      until: untilText(site.locale, site.timeZone, invitation.expiresAt),
    }),
  )
  return { email: invitation.email, link, mail }
}
