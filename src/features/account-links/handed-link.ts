import type { Mailer, SentMail } from '../../lib/mail'

/**
 * A link made for someone, shown once to whoever made it, and what became of its email: `sent`
 * through Email Service, kept in the local `outbox` only, `failed`, or `unavailable` (no email).
 */
export type HandedLink = {
  email: string
  link: string
  mail: 'sent' | 'outbox' | 'failed' | 'unavailable'
}

export function mailOutcome(mailer: Mailer, sent: SentMail | null): HandedLink['mail'] {
  if (!mailer.available || !sent) return 'unavailable'
  if (sent.delivered) return 'sent'
  return sent.kept ? 'outbox' : 'failed'
}

export function untilText(locale: string, timeZone: string, at: Date) {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(at)
}
