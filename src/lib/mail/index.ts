// The email layer every feature sends through: `mailerFor(c).sendMail({ to, subject, text, html,
// headers, language })`. See README.md in this folder.
export { isMailAddress } from './address'
export type { MailMessage } from './compose'
export { MailHeaderError } from './header-encoding'
export { listOutbox, outboxMessage } from './outbox'
export type { OutboxEntry } from './outbox'
export { createMailer, mailerFor } from './send'
export type { Mailer, MailSettings, SentMail } from './send'
