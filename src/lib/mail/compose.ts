import { bytesToHex } from '../encoding'
import { domainOf, isMailAddress } from './address'
import {
  MailHeaderError,
  assertHeaderName,
  assertHeaderText,
  encodeHeaderText,
  formatMailbox,
} from './header-encoding'
import { encodeQuotedPrintable } from './quoted-printable'

/** What a feature hands to `sendMail`: one recipient, both bodies, in the recipient's language. */
export type MailMessage = {
  to: string
  subject: string
  text: string
  html: string
  /** Extra fields such as `Auto-Submitted`; the ones this module writes itself are refused. */
  headers?: Record<string, string>
  /** A BCP 47 tag (`en`, `fr`), sent as Content-Language. */
  language: string
}

export type Sender = { name: string; address: string }

/** The fields every message gets from here: a caller cannot set them, or set them twice. */
const OWN_FIELDS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'sender',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-language',
  'received',
  'return-path',
])

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** RFC 5322 date-time in UTC: `Tue, 07 Jul 2026 09:05:00 +0000`. */
export function mailDate(at: Date): string {
  return `${DAYS[at.getUTCDay()]}, ${pad(at.getUTCDate())} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`
}

const randomHex = (bytes: number) => bytesToHex(crypto.getRandomValues(new Uint8Array(bytes)))

/** A globally unique id under the sender's domain. */
export function newMessageId(sender: Sender): string {
  return `<${Date.now().toString(36)}.${randomHex(12)}@${domainOf(sender.address)}>`
}

function bodyPart(type: 'plain' | 'html', content: string) {
  return [
    `Content-Type: text/${type}; charset=utf-8`,
    'Content-Transfer-Encoding: quoted-printable',
    '',
    encodeQuotedPrintable(content),
  ].join('\r\n')
}

/**
 * The message as RFC 5322 text: CRLF line endings, 7-bit clean (headers in RFC 2047 words, bodies
 * quoted-printable), `multipart/alternative` with the plain text first. Any value that could add
 * or end a header (a line break, a control character, an address that is not a plain one, a
 * field this module owns) throws a `MailHeaderError`, so nothing is sent.
 */
export function composeMessage(
  message: MailMessage,
  sender: Sender,
  at: Date,
  messageId: string,
): string {
  if (!isMailAddress(message.to)) throw new MailHeaderError('the recipient is not a plain address')
  if (!isMailAddress(sender.address)) throw new MailHeaderError('the sender is not a plain address')
  if (!/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(message.language))
    throw new MailHeaderError('the language is not a language tag')
  const extra = Object.entries(message.headers ?? {}).map(([name, value]) => {
    assertHeaderName(name)
    if (OWN_FIELDS.has(name.toLowerCase())) throw new MailHeaderError(`${name} is set here`)
    assertHeaderText(name, value)
    return `${name}: ${encodeHeaderText(name, value, name.length)}`
  })
  const boundary = `=_${randomHex(16)}`
  const headers = [
    `From: ${formatMailbox(sender.name, sender.address)}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeaderText('the subject', message.subject, 'Subject'.length)}`,
    `Date: ${mailDate(at)}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    `Content-Language: ${message.language}`,
    ...extra,
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
  ]
  return [
    ...headers,
    '',
    `--${boundary}`,
    bodyPart('plain', message.text),
    `--${boundary}`,
    bodyPart('html', message.html),
    `--${boundary}--`,
    '',
  ].join('\r\n')
}
