import * as v from 'valibot'
import { LANGUAGES, type Language } from '../../db/schema'
import { isValidTimeZone } from '../../lib/dates'
import { fieldErrors, typedText } from '../../lib/validation/form'
import { MEDIA_KEY } from '../media'
import { SETTINGS_LIMITS as MAX } from './limits'
import type { SiteSettings } from './seed'

/** The settings form exactly as typed (every field a string), so a refused form comes back as sent. */
export const settingsFormFields = v.object({
  name: typedText,
  tagline: typedText,
  language: typedText,
  timeZone: typedText,
  publicUrl: typedText,
  postsPerPage: typedText,
  postsPerFeed: typedText,
  logo: typedText,
  logoAlt: typedText,
  socialImage: typedText,
  socialImageAlt: typedText,
  footerText: typedText,
  mastodon: typedText,
  linkedin: typedText,
  instagram: typedText,
  bluesky: typedText,
  otherProfile: typedText,
  audienceEnabled: typedText,
  retentionMonths: typedText,
  /** The settings' version when the form was loaded; 0 while only the seed exists. */
  version: typedText,
})

export type SettingsFormValues = v.InferOutput<typeof settingsFormFields>
export type SettingsField = keyof SettingsFormValues
export type SettingsErrorCode =
  | 'nameRequired'
  | 'tooLong'
  | 'languageInvalid'
  | 'timeZoneInvalid'
  | 'publicUrlInvalid'
  | 'urlInvalid'
  | 'countInvalid'
  | 'imageUnknown'
  | 'altMissing'
export type SettingsErrors = Partial<Record<SettingsField, SettingsErrorCode>>

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'tooLong'))

function isWebAddress(value: string) {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
  } catch {
    return false
  }
}

/** A profile link: empty, or an http(s) address. */
const profileUrl = v.pipe(
  text(MAX.profileUrl),
  v.check((value) => value === '' || isWebAddress(value), 'urlInvalid'),
  v.transform((value) => (value ? new URL(value).href : '')),
)

/** Empty (the address each request came to), or an origin: scheme and host, nothing after. */
const publicUrl = v.pipe(
  text(MAX.publicUrl),
  v.check((value) => {
    if (value === '') return true
    if (!isWebAddress(value)) return false
    const url = new URL(value)
    return url.pathname === '/' && !url.search && !url.hash
  }, 'publicUrlInvalid'),
  v.transform((value) => (value ? new URL(value).origin : '')),
)

const count = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.regex(/^[0-9]{1,4}$/, 'countInvalid'),
    v.transform(Number),
    v.minValue(1, 'countInvalid'),
    v.maxValue(max, 'countInvalid'),
  )

/** `/media/<key>` of an image in the library, or empty; whether it exists is asked of D1 later. */
const MEDIA_PATH = new RegExp(`^(?:https?://[^/]+)?/media/(${MEDIA_KEY})$`)
const imagePath = v.pipe(
  text(MAX.imagePath),
  v.check((value) => value === '' || MEDIA_PATH.test(value), 'imageUnknown'),
  v.transform((value) => MEDIA_PATH.exec(value)?.[1] ?? ''),
)

const settingsSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('nameRequired'), v.maxLength(MAX.name, 'tooLong')),
  tagline: text(MAX.tagline),
  language: v.picklist(LANGUAGES, 'languageInvalid'),
  timeZone: v.pipe(v.string(), v.trim(), v.check(isValidTimeZone, 'timeZoneInvalid')),
  publicUrl,
  postsPerPage: count(MAX.postsPerPage),
  postsPerFeed: count(MAX.postsPerFeed),
  logo: imagePath,
  logoAlt: text(MAX.alt),
  socialImage: imagePath,
  socialImageAlt: text(MAX.alt),
  footerText: v.pipe(
    v.string(),
    v.transform((value) => value.replace(/\r\n/g, '\n').trim()),
    v.maxLength(MAX.footerText, 'tooLong'),
  ),
  mastodon: profileUrl,
  linkedin: profileUrl,
  instagram: profileUrl,
  bluesky: profileUrl,
  otherProfile: profileUrl,
  audienceEnabled: v.string(),
  retentionMonths: count(MAX.retentionMonths),
})

/** What a valid form asks to store; the images by their media key, checked against D1 after. */
export type SettingsInput = Omit<SiteSettings, 'logo' | 'socialImage'> & {
  logo: { key: string; alt: string } | null
  socialImage: { key: string; alt: string } | null
}

/**
 * Everything that needs no database; an image without alt text is refused as in posts. `input`
 * is there whenever the fields parse, so the images can still be looked up for their own errors.
 */
export function validateSettingsForm(values: SettingsFormValues): {
  errors: SettingsErrors
  input: SettingsInput | null
} {
  const parsed = v.safeParse(settingsSchema, values, { abortPipeEarly: true })
  const errors: SettingsErrors = parsed.success
    ? {}
    : (fieldErrors<SettingsField>(parsed.issues) as SettingsErrors)
  if (!parsed.success) return { errors, input: null }
  const form = parsed.output
  if (form.logo && !form.logoAlt) errors.logoAlt = 'altMissing'
  if (form.socialImage && !form.socialImageAlt) errors.socialImageAlt = 'altMissing'
  return {
    errors,
    input: {
      name: form.name,
      tagline: form.tagline,
      language: form.language as Language,
      timeZone: form.timeZone,
      publicUrl: form.publicUrl,
      postsPerPage: form.postsPerPage,
      postsPerFeed: form.postsPerFeed,
      logo: form.logo ? { key: form.logo, alt: form.logoAlt } : null,
      socialImage: form.socialImage ? { key: form.socialImage, alt: form.socialImageAlt } : null,
      footerText: form.footerText,
      profiles: {
        mastodon: form.mastodon,
        linkedin: form.linkedin,
        instagram: form.instagram,
        bluesky: form.bluesky,
        other: form.otherProfile,
      },
      audienceEnabled: form.audienceEnabled === 'on',
      retentionMonths: form.retentionMonths,
    },
  }
}

/** The form for the settings as they are. */
export function formFromSettings(settings: SiteSettings, savedVersion: number): SettingsFormValues {
  return {
    name: settings.name,
    tagline: settings.tagline,
    language: settings.language,
    timeZone: settings.timeZone,
    publicUrl: settings.publicUrl,
    postsPerPage: String(settings.postsPerPage),
    postsPerFeed: String(settings.postsPerFeed),
    logo: settings.logo?.src ?? '',
    logoAlt: settings.logo?.alt ?? '',
    socialImage: settings.socialImage?.src ?? '',
    socialImageAlt: settings.socialImage?.alt ?? '',
    footerText: settings.footerText,
    mastodon: settings.profiles.mastodon,
    linkedin: settings.profiles.linkedin,
    instagram: settings.profiles.instagram,
    bluesky: settings.profiles.bluesky,
    otherProfile: settings.profiles.other,
    audienceEnabled: settings.audienceEnabled ? 'on' : '',
    retentionMonths: String(settings.retentionMonths),
    version: String(savedVersion),
  }
}

/** The version a form was loaded from: 0 for "never saved", null when it names none. */
export function loadedSettingsVersion(values: SettingsFormValues): number | null {
  return /^(0|[1-9][0-9]{0,9})$/.test(values.version) ? Number(values.version) : null
}
