import type { Locale } from '../../i18n/site'

const en = {
  outbox: 'Outbox',
  outboxIntro:
    'Every message the blog sends while it runs on this machine, newest first, exactly as sent. Deployed, this page does not exist.',
  alsoSent: 'Cloudflare Email Service is bound: these messages were also sent.',
  onlyHere: 'No email is bound (EMAIL): these messages went nowhere else.',
  empty: 'No message yet.',
  sentAt: 'Sent',
  recipient: 'To',
  subject: 'Subject',
  rawMessage: 'Message (.eml)',
  older: 'Older messages',
}

export type MailMessages = typeof en

const fr: MailMessages = {
  outbox: 'Boîte d’envoi',
  outboxIntro:
    'Chaque message envoyé par le blog tant qu’il tourne sur cette machine, du plus récent au plus ancien, tel qu’il est parti. Une fois déployée, cette page n’existe pas.',
  alsoSent: 'Cloudflare Email Service est relié : ces messages ont aussi été envoyés.',
  onlyHere:
    'Aucun envoi d’e-mails n’est relié (EMAIL) : ces messages ne sont allés nulle part ailleurs.',
  empty: 'Aucun message pour l’instant.',
  sentAt: 'Envoyé',
  recipient: 'À',
  subject: 'Objet',
  rawMessage: 'Message (.eml)',
  older: 'Messages plus anciens',
}

export function mailMessagesFor(locale: Locale): MailMessages {
  return locale === 'fr' ? fr : en
}
