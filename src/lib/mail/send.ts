import type { Db } from '../../db/client'
import { isLocalRequest } from '../local-request'
import { isMailAddress } from './address'
import { composeMessage, newMessageId, type MailMessage, type Sender } from './compose'
import { keepInOutbox } from './outbox'

/** What the mail layer reads from the Worker's settings. */
export type MailSettings = Pick<Env, 'EMAIL' | 'MAIL_FROM' | 'SITE_NAME'>

export type SentMail = {
  messageId: string
  /** Handed to Cloudflare Email Service, which accepted it. */
  delivered: boolean
  /** Kept in the local outbox (local development). */
  kept: boolean
}

export type Mailer = {
  /** Whether a message can go anywhere: through the EMAIL binding, or into the local outbox. */
  readonly available: boolean
  /** Local development: every message is also kept in the outbox at /admin/outbox. */
  readonly local: boolean
  sendMail(message: MailMessage): Promise<SentMail>
}

/**
 * The sender: MAIL_FROM, else `noreply@` the site's host name; its display name is the site's.
 * A MAIL_FROM that is not a plain address is a setting to fix, said at the first message.
 */
export function senderFor(settings: MailSettings, siteUrl: string): Sender {
  const address = settings.MAIL_FROM?.trim() || `noreply@${new URL(siteUrl).hostname}`
  if (!isMailAddress(address))
    throw new Error(`MAIL_FROM must be a plain address such as blog@example.org, not ${address}`)
  return { name: settings.SITE_NAME ?? '', address }
}

/**
 * The one way this blog sends mail. `local` is local development: decided by the request being
 * addressed to this machine (src/lib/local-request.ts), since Cloudflare routes requests to a
 * deployed Worker by its own host name. Locally every message is kept in the outbox, and with no
 * EMAIL binding only there, so whatever needs mail works on `npm start`.
 */
export function createMailer(options: {
  settings: MailSettings
  db: Db
  siteUrl: string
  local: boolean
}): Mailer {
  const { settings, db, local } = options
  const binding = settings.EMAIL
  return {
    available: binding !== undefined || local,
    local,
    async sendMail(message) {
      const sender = senderFor(settings, options.siteUrl)
      const at = new Date()
      const messageId = newMessageId(sender)
      // Throws on anything that could inject a header, before anything is sent or kept.
      const raw = composeMessage(message, sender, at, messageId)
      let delivered = false
      if (binding) {
        try {
          // Only a Worker has this module; the command-line tools load this file without sending.
          const { EmailMessage } = await import('cloudflare:email')
          await binding.send(new EmailMessage(sender.address, message.to, raw))
          delivered = true
        } catch (error) {
          console.error(`Email Service refused the message ${messageId}:`, error)
        }
      }
      if (local)
        await keepInOutbox(db, { recipient: message.to, subject: message.subject, raw, at })
      return { messageId, delivered, kept: local }
    },
  }
}

/** The mailer for a request: its Worker settings, its D1 client, the site's address. */
export function mailerFor(c: {
  env: MailSettings
  req: { url: string }
  var: { db: Db; site: { url: string; name: string } }
}): Mailer {
  return createMailer({
    // The sender's name is the site's, as the owner set it (SITE_NAME only seeds it).
    settings: { ...c.env, SITE_NAME: c.var.site.name },
    db: c.var.db,
    siteUrl: c.var.site.url,
    local: isLocalRequest(c.req.url),
  })
}
