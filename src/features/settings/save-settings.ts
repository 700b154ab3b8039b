import type { Db } from '../../db/client'
import { findMediaByKeys } from '../media'
import {
  loadedSettingsVersion,
  validateSettingsForm,
  type SettingsErrors,
  type SettingsFormValues,
} from './schemas'
import { saveSettings } from './writes'

export type SaveSettingsOutcome =
  { kind: 'invalid'; errors: SettingsErrors } | { kind: 'saved' } | { kind: 'conflict' }

/** Checks the form (its images against the media library) and stores it: check → save → conflict. */
export async function saveSettingsForm(
  db: Db,
  values: SettingsFormValues,
): Promise<SaveSettingsOutcome> {
  const { errors, input } = validateSettingsForm(values)
  const version = loadedSettingsVersion(values)
  if (!input) return { kind: 'invalid', errors }
  const keys = [input.logo?.key, input.socialImage?.key].filter((key): key is string => !!key)
  const known = new Set((await findMediaByKeys(db, keys)).map((media) => media.key))
  if (input.logo && !known.has(input.logo.key)) errors.logo = 'imageUnknown'
  if (input.socialImage && !known.has(input.socialImage.key)) errors.socialImage = 'imageUnknown'
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors }
  if (version === null || !(await saveSettings(db, input, version))) return { kind: 'conflict' }
  return { kind: 'saved' }
}
