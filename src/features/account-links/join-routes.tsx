import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Invitation } from '../../db/schema'
import { typedForm } from '../../lib/validation/form'
import type { AdminEnv } from '../../types'
import { auditRequest, authPepper, hashPassword, markKnownDevice, openSession } from '../auth'
import { renderGone, type GoneReason } from './gone'
import { acceptInvitation, findInvitation, invitationState } from './invitations'
import { linkTokenParams } from './link-token'
import { accountLinkMessagesFor } from './messages'
import { joinErrors, joinFields, type PasswordErrors } from './schemas'
import { JoinPage } from './views/link-pages'

const GONE: Record<'used' | 'expired' | 'revoked', GoneReason> = {
  used: 'invitationUsed',
  expired: 'invitationExpired',
  revoked: 'invitationRevoked',
}

/** The invitation behind the address: a 404 if none, the reason if it no longer works. */
async function pendingInvitation(c: Context<AdminEnv>, token: string) {
  const invitation = await findInvitation(c.var.db, token)
  if (!invitation) throw new HTTPException(404)
  const state = invitationState(invitation)
  return state === 'valid' ? { invitation } : { gone: GONE[state] }
}

function renderJoin(
  c: Context<AdminEnv>,
  token: string,
  invitation: Invitation,
  name: string,
  errors: PasswordErrors,
) {
  const { a, site } = c.var
  const m = accountLinkMessagesFor(site.locale)
  const role = (a.roles as Record<string, string>)[invitation.role] ?? invitation.role
  return c.render(
    <JoinPage
      m={m}
      title={m.joinTitle(site.name)}
      intro={m.joinIntro(invitation.email, role)}
      action={`/admin/join/${token}`}
      email={invitation.email}
      name={name}
      errors={errors}
    />,
    { title: m.joinTitle(site.name), admin: true },
  )
}

/** `/admin/join/<token>`: an invitee chooses a name and a password and is signed in. */
export const joinRoutes = new Hono<AdminEnv>()
  .get('/:token', linkTokenParams, async (c) => {
    const { token } = c.req.valid('param')
    const found = await pendingInvitation(c, token)
    if (found.gone) return renderGone(c, found.gone)
    return renderJoin(c, token, found.invitation, '', {})
  })
  .post('/:token', linkTokenParams, typedForm(joinFields), async (c) => {
    const { token } = c.req.valid('param')
    const form = c.req.valid('form')
    const found = await pendingInvitation(c, token)
    if (found.gone) return renderGone(c, found.gone)
    const errors = joinErrors(c.var.a, form)
    if (Object.keys(errors).length > 0) {
      c.status(422)
      return renderJoin(c, token, found.invitation, form.name, errors)
    }
    const { db } = c.var
    const pepper = authPepper(c.env)
    const accepted = await acceptInvitation(db, token, {
      name: form.name,
      passwordHash: await hashPassword(form.password, pepper),
    })
    if (!accepted.ok) {
      if (accepted.reason === 'emailTaken') return renderGone(c, 'emailTaken')
      // Used, revoked or expired while the form was being filled in.
      const again = await pendingInvitation(c, token)
      return renderGone(c, again.gone ?? 'invitationUsed')
    }
    await openSession(c, db, accepted.userId)
    await markKnownDevice(c, pepper, accepted.userId)
    const who = { userId: accepted.userId, email: accepted.email }
    await auditRequest(c, {
      event: 'invitation_used',
      ...who,
      actorId: found.invitation.invitedBy,
      detail: found.invitation.role,
    })
    await auditRequest(c, { event: 'sign_in', ...who, detail: 'invitation' })
    return c.redirect('/admin/posts', 303)
  })
