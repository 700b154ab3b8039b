import type { Db } from '../../db/client'
import { siteSettings } from '../../db/schema'
import { saveSettingsForm } from './save-settings'
import { formFromSettings, settingsFormFields, type SettingsFormValues } from './schemas'
import type { SiteSettings } from './seed'
import * as v from 'valibot'

/** The settings as an export archive keeps them: the settings form's fields, images as paths. */
export function settingsForArchive(settings: SiteSettings): Omit<SettingsFormValues, 'version'> {
  const { version, ...fields } = formFromSettings(settings, 0)
  return fields
}

export type SettingsImport =
  { kind: 'imported' } | { kind: 'kept' } | { kind: 'refused'; fields: string[] }

/**
 * Settings read back from an archive: saved through the form's own checks (images must be in
 * the media library by then), and only into a site whose owner has never saved its settings.
 */
export async function importSettings(
  db: Db,
  archived: Record<string, unknown>,
  dryRun: boolean,
): Promise<SettingsImport> {
  const [saved] = await db.select({ id: siteSettings.id }).from(siteSettings)
  if (saved) return { kind: 'kept' }
  const values = v.parse(settingsFormFields, { ...archived, version: '0' })
  if (dryRun) return { kind: 'imported' }
  const outcome = await saveSettingsForm(db, values)
  if (outcome.kind === 'invalid') return { kind: 'refused', fields: Object.keys(outcome.errors) }
  // A save made meanwhile by the owner stays: it is theirs.
  return outcome.kind === 'saved' ? { kind: 'imported' } : { kind: 'kept' }
}
