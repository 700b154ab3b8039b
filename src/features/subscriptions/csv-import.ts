import type { Db } from '../../db/client'
import { jsonChunks } from '../../db/json-rows'
import { randomToken } from '../../lib/tokens'
import { normalisedEmail } from './schemas'

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF), a BOM ignored. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  const input = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < input.length; i++) {
    const char = input[i]
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') ((field += '"'), i++)
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') (record.push(field), (field = ''))
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += char
  }
  if (field || record.length) records.push([...record, field])
  return records.filter((row) => row.some((cell) => cell.trim()))
}

// Ghost members: `email`; Mailchimp: `Email Address`; Substack: `email`.
const EMAIL_COLUMNS = ['email', 'email address', 'e-mail', 'e-mail address', 'mail']
// Mailchimp's unsubscribed/cleaned exports, Ghost's `subscribed_to_emails`: only the willing come in.
const SUBSCRIBED_COLUMNS = ['subscribed_to_emails', 'subscribed']

/** The addresses of an export from Ghost, Mailchimp or Substack, checked and without repeats. */
export function importedAddresses(text: string): { emails: string[]; skipped: number } {
  const [header, ...rows] = parseCsv(text)
  if (!header) return { emails: [], skipped: 0 }
  const names = header.map((name) => name.trim().toLowerCase())
  const emailAt = names.findIndex((name) => EMAIL_COLUMNS.includes(name))
  const subscribedAt = names.findIndex((name) => SUBSCRIBED_COLUMNS.includes(name))
  if (emailAt < 0) return { emails: [], skipped: rows.length }
  const emails = new Set<string>()
  let skipped = 0
  for (const row of rows) {
    const email = normalisedEmail(row[emailAt] ?? '')
    const refused = subscribedAt >= 0 && /^(false|no|0)$/i.test((row[subscribedAt] ?? '').trim())
    if (!email || refused || emails.has(email)) skipped++
    else emails.add(email)
  }
  return { emails: [...emails], skipped }
}

/**
 * Adds the addresses not already there, as confirmed when the owner ticked that they hold consent
 * (recorded as an import, with the wording they ticked), else as pending. Rows travel as one JSON
 * parameter per statement (D1's 100 bound parameters), in one batch.
 */
export async function importSubscribers(
  db: Db,
  emails: string[],
  consent: { text: string; version: string } | null,
  language: string,
  now: number,
): Promise<number> {
  if (emails.length === 0) return 0
  const rows = emails.map((email) => [email, randomToken()])
  const state = consent ? 'confirmed' : 'pending'
  const statements = jsonChunks(rows, 500).map((chunk) =>
    db.$client
      .prepare(
        `INSERT INTO subscribers (email, language, state, token, created_at, confirm_sent_at,
           confirmed_at, consent_source, consent_version, consent_text)
         SELECT json_extract(value, '$[0]'), ?2, ?3, json_extract(value, '$[1]'), ?4, ?5, ?6, ?7, ?8, ?9
         FROM json_each(?1) WHERE true
         ON CONFLICT (email) DO NOTHING`,
      )
      .bind(
        chunk,
        language,
        state,
        now,
        consent ? null : now,
        consent ? now : null,
        consent ? 'import' : null,
        consent?.version ?? null,
        consent?.text ?? null,
      ),
  )
  const results = await db.$client.batch(statements)
  return results.reduce((sum, result) => sum + (result.meta.changes ?? 0), 0)
}
