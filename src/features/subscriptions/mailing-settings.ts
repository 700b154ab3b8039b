import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { mailingSettings } from '../../db/schema'

export type MailingSettings = {
  emailPosts: boolean
  emailNotes: boolean
  fullPost: boolean
  dailyCap: number
}

/**
 * Until the owner saves them: posts are emailed, notes are not, in full; at most 3,000 messages a
 * day (Cloudflare Email Service's daily quota on the plan this blog starts on; raise it with yours).
 */
export const DEFAULT_MAILING_SETTINGS: MailingSettings = {
  emailPosts: true,
  emailNotes: false,
  fullPost: true,
  dailyCap: 3000,
}

export async function readMailingSettings(db: Db): Promise<MailingSettings> {
  const [row] = await db.select().from(mailingSettings).where(eq(mailingSettings.id, 1)).limit(1)
  if (!row) return DEFAULT_MAILING_SETTINGS
  const { id: _id, ...settings } = row
  return settings
}

export async function saveMailingSettings(db: Db, settings: MailingSettings) {
  await db
    .insert(mailingSettings)
    .values({ id: 1, ...settings })
    .onConflictDoUpdate({ target: mailingSettings.id, set: settings })
}
