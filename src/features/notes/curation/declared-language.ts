import { LANGUAGES, type Language } from '../../../db/schema'

/** A page's declared language ("fr", "fr-FR", "FR_ca") as one of the blog's, or null. */
export function declaredLanguage(declared: string | undefined): Language | null {
  const primary = (declared ?? '').trim().slice(0, 2).toLowerCase()
  return LANGUAGES.find((language) => language === primary) ?? null
}
