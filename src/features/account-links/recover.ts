import type { Context } from 'hono'
import type { User } from '../../db/schema'
import type { Locale } from '../../i18n/site'
import { mailerFor } from '../../lib/mail'
import type { AdminEnv, EditorEnv } from '../../types'
import {
  auditRequest,
  authPepper,
  findUserByEmail,
  findUserById,
  hashPassword,
  markKnownDevice,
  openSession,
  setUserPassword,
} from '../auth'
import { mailHandedLink, untilText, type HandedLink } from './handed-link'
import { recoveryMail } from './mails'
import { accountLinkMessagesFor } from './messages'
import {
  RECOVERY_HANDED_TTL_MS,
  RECOVERY_MAILED_TTL_MS,
  claimMailedRecoveryLink,
  createRecoveryLink,
  useRecoveryLink,
} from './recovery-links'

const recoveryAddress = (siteUrl: string, token: string) => `${siteUrl}/admin/recover/${token}`

/** The owner makes a recovery link for another editor: shown once, emailed too when possible. */
export async function handRecoveryLink(c: Context<EditorEnv>, user: User): Promise<HandedLink> {
  const { db, site, editor } = c.var
  const now = Date.now()
  const token = await createRecoveryLink(db, user.id, RECOVERY_HANDED_TTL_MS, now)
  const link = recoveryAddress(site.url, token)
  await auditRequest(c, {
    event: 'recovery_link_created',
    userId: user.id,
    email: user.email,
    actorId: editor.id,
  })
  const mail = await mailHandedLink(mailerFor(c), () =>
    recoveryMail(accountLinkMessagesFor(site.locale), site.locale, {
      to: user.email,
      site: site.name,
      name: user.name,
      link,
      until: untilText(site.locale, site.timeZone, new Date(now + RECOVERY_HANDED_TTL_MS)),
    }),
  )
  return { email: user.email, link, mail }
}

/**
 * What the "forgot" form starts, after its answer is sent (the same answer for every address, at
 * the same speed): a link by email to an active account, at most a few an hour.
 */
export async function mailRecoveryLink(c: Context<AdminEnv>, email: string, language: Locale) {
  const { db, site } = c.var
  const user = await findUserByEmail(db, email)
  if (!user || user.disabledAt) return
  const now = Date.now()
  const token = await claimMailedRecoveryLink(db, user.id, now)
  if (!token) return
  await auditRequest(c, { event: 'recovery_requested', userId: user.id, email: user.email })
  await mailerFor(c).sendMail(
    recoveryMail(accountLinkMessagesFor(language), language, {
      to: user.email,
      site: site.name,
      name: user.name,
      link: recoveryAddress(site.url, token),
      until: untilText(language, site.timeZone, new Date(now + RECOVERY_MAILED_TTL_MS)),
    }),
  )
}

/**
 * Uses the link once: the new password replaces the old and ends every session of the account;
 * this browser gets a fresh one and is remembered as a known device. Null if the link was used,
 * expired or its account disabled in the meantime.
 */
export async function recoverAccount(c: Context<AdminEnv>, token: string, password: string) {
  const { db } = c.var
  const pepper = authPepper(c.env)
  const passwordHash = await hashPassword(password, pepper)
  const userId = await useRecoveryLink(db, token)
  const user = userId === null ? null : await findUserById(db, userId)
  if (!user || user.disabledAt) return null
  await setUserPassword(db, user.id, passwordHash)
  await openSession(c, db, user.id)
  await markKnownDevice(c, pepper, user.id)
  await auditRequest(c, { event: 'recovery_used', userId: user.id, email: user.email })
  await auditRequest(c, {
    event: 'sign_in',
    userId: user.id,
    email: user.email,
    detail: 'recovery',
  })
  return user
}
