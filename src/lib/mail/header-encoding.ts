import { bytesToBase64 } from '../encoding'

/** A value that would change the message's headers if written as it is. */
export class MailHeaderError extends Error {
  constructor(what: string) {
    super(`Refused mail header: ${what}`)
    this.name = 'MailHeaderError'
  }
}

/** CR, LF and the other controls (tab aside) would end a header or hide one: refused outright. */
export function assertHeaderText(what: string, value: string) {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value))
    throw new MailHeaderError(`${what} holds a control character`)
}

/** A field name (RFC 5322 ftext: printable ASCII but the colon). */
export function assertHeaderName(name: string) {
  if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name))
    throw new MailHeaderError(`the name ${JSON.stringify(name)}`)
}

// Each encoded word stays well under the 75 characters RFC 2047 allows, so that even after a
// field name the first line keeps under 78.
const WORD_BYTES = 36

/** `=?UTF-8?B?…?=` words, split between characters, never inside one. */
function encodedWords(text: string): string[] {
  const encoder = new TextEncoder()
  const words: string[] = []
  let chunk = ''
  for (const char of text) {
    if (encoder.encode(chunk + char).byteLength > WORD_BYTES) {
      words.push(chunk)
      chunk = ''
    }
    chunk += char
  }
  if (chunk || words.length === 0) words.push(chunk)
  return words.map((word) => `=?UTF-8?B?${bytesToBase64(encoder.encode(word))}?=`)
}

const isPrintableAscii = (text: string) => /^[\x20-\x7e]*$/.test(text)

/**
 * Unstructured text (a subject, a display name's words) as a header value: printable ASCII as it
 * is, folded at spaces past 78 columns; anything else as RFC 2047 encoded words, one per line.
 */
export function encodeHeaderText(what: string, value: string, nameLength: number): string {
  assertHeaderText(what, value)
  if (!isPrintableAscii(value) || /=\?/.test(value)) return encodedWords(value).join('\r\n ')
  const lines: string[] = []
  let line = ''
  let room = 78 - nameLength - 2
  for (const word of value.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line)
      line = word
      room = 77
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  lines.push(line)
  return lines.join('\r\n ')
}

/** `"Name" <address>`: the name quoted when ASCII, encoded words when not. */
export function formatMailbox(name: string, address: string): string {
  assertHeaderText('a display name', name)
  if (!name) return address
  const phrase = isPrintableAscii(name)
    ? `"${name.replace(/[\\"]/g, '\\$&')}"`
    : encodedWords(name).join(' ')
  return `${phrase} <${address}>`
}
