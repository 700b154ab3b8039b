/** Latin letters that no accent removal reaches, folded as a reader would type them. */
const LATIN_FOLDS: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
}
const LATIN_FOLD = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'g')

/** What a slug is made of: letters of any script (lowercase where it has case), marks, digits. */
const SLUG_CHARACTER = '[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}\\p{N}]'
const NOT_SLUG = new RegExp(`(?:(?!${SLUG_CHARACTER}).)+`, 'gsu')

/** The longest slug `slugify` makes, in characters. */
const SLUG_LENGTH = 80

/**
 * "Café à l'Hôtel" → "cafe-a-l-hotel": Latin accents folded, anything else between words becomes
 * one dash. Other scripts are kept as they are: "Привет, мир" → "привет-мир", "日本の旅館" →
 * "日本の旅館" (their own accents and marks included: "Καλημέρα" → "καλημέρα").
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .toLowerCase()
    .normalize('NFC')
    .replace(LATIN_FOLD, (letter) => LATIN_FOLDS[letter])
    .replace(NOT_SLUG, '-')
    .replace(/^-+|-+$/g, '')
  return Array.from(slug).slice(0, SLUG_LENGTH).join('').replace(/-+$/, '')
}

/** A valid slug: words of letters (lowercase where the script has case), marks and digits, joined by single dashes. */
export const SLUG_PATTERN = new RegExp(`^${SLUG_CHARACTER}+(?:-${SLUG_CHARACTER}+)*$`, 'u')

/** SLUG_PATTERN as a form's `pattern` attribute (browsers compile it with the `v` flag). */
export const SLUG_INPUT_PATTERN = `${SLUG_CHARACTER}+(-${SLUG_CHARACTER}+)*`

/** A typed or imported slug in the one form it is stored in: NFC, lowercase, trimmed. */
export const normalizeSlug = (slug: string) => slug.trim().normalize('NFC').toLowerCase()
