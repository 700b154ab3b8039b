import type { MailMessage, Mailer } from '../../lib/mail'

/**
 * A link made for someone, shown once to whoever made it, and what became of its email: `sent`
 * through Email Service, kept in the local `outbox` only, `failed`, or `unavailable` (no email).
 */
export type HandedLink = {
  email: string
  link: string
  mail: 'sent' | 'outbox' | 'failed' | 'unavailable'
}

/**
 * Emails the link when mail can go out. The link exists already and is shown whatever happens
 * here, so a message that cannot be sent (Email Service refusing it, a MAIL_FROM to fix) is
 * logged and reported, never an error page that would lose the link.
 */
export async function mailHandedLink(
  mailer: Mailer,
  message: () => MailMessage,
): Promise<HandedLink['mail']> {
  if (!mailer.available) return 'unavailable'
  try {
    const sent = await mailer.sendMail(message())
    if (sent.delivered) return 'sent'
    return sent.kept ? 'outbox' : 'failed'
  } catch (error) {
    console.error('A link could not be emailed:', error)
    return 'failed'
  }
}

export function untilText(locale: string, timeZone: string, at: Date) {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(at)
}
