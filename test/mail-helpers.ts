import { exports } from 'cloudflare:workers'
import { expect } from 'vitest'

/**
 * A small RFC 5322 / MIME reader written for the tests, apart from the code that writes messages:
 * it checks the shape as it reads, so a test that reads a message has checked it.
 */
export type ParsedMail = {
  /** Field names in lower case; values unfolded, as written (still encoded). */
  headers: Map<string, string[]>
  parts: { headers: Map<string, string[]>; body: string }[]
}

function readHeaders(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>()
  const unfolded = block.replace(/\r\n([ \t])/g, '$1')
  for (const line of unfolded.split('\r\n')) {
    const match = /^([\x21-\x39\x3b-\x7e]+):[ \t]*(.*)$/.exec(line)
    expect(match, `not a header field: ${JSON.stringify(line)}`).not.toBeNull()
    const name = match![1].toLowerCase()
    headers.set(name, [...(headers.get(name) ?? []), match![2]])
  }
  return headers
}

export function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = []
  const soft = text.replace(/=\r\n/g, '')
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=') {
      expect(soft.slice(i + 1, i + 3)).toMatch(/^[0-9A-F]{2}$/)
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(soft.charCodeAt(i))
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/** RFC 2047 encoded words (B and Q), adjacent words joined. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, charset: string, encoding: string, text: string) => {
        expect(charset.toUpperCase()).toBe('UTF-8')
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
            : new TextEncoder().encode(decodeQuotedPrintable(text.replace(/_/g, ' ')))
        return new TextDecoder().decode(bytes)
      },
    )
}

/** Parses a raw message, checking CRLF line endings, 7-bit text and line lengths on the way. */
export function parseMail(raw: string): ParsedMail {
  expect(raw, 'a bare CR or LF').not.toMatch(/\r(?!\n)|(?<!\r)\n/)
  expect(raw, 'only 7-bit characters').toMatch(/^[\x00-\x7f]*$/)
  for (const line of raw.split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(998)
  const split = raw.indexOf('\r\n\r\n')
  expect(split).toBeGreaterThan(0)
  const headers = readHeaders(raw.slice(0, split))
  const body = raw.slice(split + 4)
  const type = headers.get('content-type')?.[0] ?? ''
  const boundary = /boundary="([^"]+)"/.exec(type)?.[1]
  expect(boundary, type).toBeDefined()
  const sections = body.split(`--${boundary}`)
  expect(sections.at(-1)).toMatch(/^--\r\n$/)
  const parts = sections.slice(1, -1).map((section) => {
    expect(section.startsWith('\r\n')).toBe(true)
    const end = section.indexOf('\r\n\r\n')
    const partHeaders = readHeaders(section.slice(2, end))
    let content = section.slice(end + 4).replace(/\r\n$/, '')
    if (partHeaders.get('content-transfer-encoding')?.[0] === 'quoted-printable') {
      for (const line of content.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76)
      content = decodeQuotedPrintable(content)
    }
    return { headers: partHeaders, body: content }
  })
  return { headers, parts }
}

export function header(mail: ParsedMail, name: string): string {
  const values = mail.headers.get(name.toLowerCase()) ?? []
  expect(values, `one ${name}`).toHaveLength(1)
  return values[0]
}

export const LOCAL_ORIGIN = 'http://localhost'

/** A request addressed to this machine, as in local development (`npm start`). */
export function localRequest(
  path: string,
  init: { cookie?: string; form?: Record<string, string> } = {},
) {
  const headers = new Headers()
  if (init.cookie) headers.set('Cookie', init.cookie)
  let body: URLSearchParams | undefined
  if (init.form) {
    body = new URLSearchParams(init.form)
    headers.set('Origin', LOCAL_ORIGIN)
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
  }
  return exports.default.fetch(`${LOCAL_ORIGIN}${path}`, {
    method: init.form ? 'POST' : 'GET',
    headers,
    body,
    redirect: 'manual',
  })
}

/** The outbox's messages as listed at /admin/outbox: newest first, with their .eml address. */
export async function outboxEntries(cookie: string) {
  const response = await localRequest('/admin/outbox', { cookie })
  expect(response.status).toBe(200)
  const html = await response.text()
  return [...html.matchAll(/<tr data-message-id="(\d+)">[\s\S]*?<\/tr>/g)].map((row) => ({
    id: Number(row[1]),
    row: row[0],
    eml: `/admin/outbox/${row[1]}.eml`,
  }))
}

/** A message served by /admin/outbox/<id>.eml, as text (it is 7-bit ASCII). */
export async function emlText(response: Response): Promise<string> {
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('message/rfc822')
  return new TextDecoder().decode(await response.arrayBuffer())
}

/** The first link to `path` in the plain-text part of a message. */
export function linkIn(mail: ParsedMail, path: string): string {
  const text = mail.parts.find((part) =>
    part.headers.get('content-type')?.[0].startsWith('text/plain'),
  )!.body
  const link = new RegExp(`https?://[^\\s]+${path}[A-Za-z0-9_-]+`).exec(text)?.[0]
  expect(link, text).toBeDefined()
  return link!
}
