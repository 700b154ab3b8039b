import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { siteSettings } from '../../db/schema'
import type { SettingsInput } from './schemas'

const mediaIdOf = (image: { key: string } | null) =>
  image ? sql`(SELECT id FROM media WHERE key = ${image.key})` : null

function columns(input: SettingsInput) {
  return {
    name: input.name,
    tagline: input.tagline,
    language: input.language,
    timeZone: input.timeZone,
    publicUrl: input.publicUrl,
    postsPerPage: input.postsPerPage,
    postsPerFeed: input.postsPerFeed,
    logoMediaId: mediaIdOf(input.logo),
    logoAlt: input.logo?.alt ?? '',
    socialImageMediaId: mediaIdOf(input.socialImage),
    socialImageAlt: input.socialImage?.alt ?? '',
    footerText: input.footerText,
    mastodonUrl: input.profiles.mastodon,
    linkedinUrl: input.profiles.linkedin,
    instagramUrl: input.profiles.instagram,
    blueskyUrl: input.profiles.bluesky,
    otherProfileUrl: input.profiles.other,
    audienceEnabled: input.audienceEnabled,
    audienceRetentionMonths: input.retentionMonths,
  }
}

/**
 * Stores the settings if they are still at `loadedVersion` (0: never saved, the row is created);
 * false when someone saved in between, and nothing was written.
 */
export async function saveSettings(db: Db, input: SettingsInput, loadedVersion: number) {
  const values = columns(input)
  const rows =
    loadedVersion === 0
      ? await db
          .insert(siteSettings)
          .values({ id: 1, ...values })
          .onConflictDoNothing()
          .returning({ version: siteSettings.version })
      : await db
          .update(siteSettings)
          .set({ ...values, version: sql`${siteSettings.version} + 1`, updatedAt: new Date() })
          .where(and(eq(siteSettings.id, 1), eq(siteSettings.version, loadedVersion)))
          .returning({ version: siteSettings.version })
  return rows.length > 0
}
