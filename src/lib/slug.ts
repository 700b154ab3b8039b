/** "Café à l'Hôtel" → "cafe-a-l-hotel": accents folded, anything else between words becomes one dash. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** SLUG_PATTERN as a form's `pattern` attribute, so browsers check what the server will. */
export const SLUG_INPUT_PATTERN = '[a-z0-9]+(-[a-z0-9]+)*'
