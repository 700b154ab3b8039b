import { smartypantsu } from 'smartypants'

/**
 * French spacing: a narrow no-break space (U+202F) before ; : ! ? » and after «, wherever the
 * writer typed a space, so that the mark never starts a line. "10:30" and URLs have no space and
 * are left alone.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+([;:!?»])/g, '\u202f$1')
    .replace(/«[ \u00a0\u202f]+/g, '«\u202f')
}

/** SmartyPants mode 2: "--" is an en dash, "---" an em dash; "..." an ellipsis. */
export const SMARTYPANTS_MODE = 2

/** English curly double quotes become guillemets held by narrow no-break spaces. */
export function frenchQuotes(text: string): string {
  return text.replace(/“\s*/g, '«\u202f').replace(/\s*”/g, '\u202f»')
}

/**
 * Plain text (a title, an excerpt) as it should be set in its language: curly quotes and
 * apostrophes, dashes and ellipses, and French spacing and guillemets for French.
 */
export function typeset(text: string, language: string): string {
  // Plain text may hold "<" or "&", which SmartyPants would read as markup: protect them.
  const curly = smartypantsu(text.replace(/&/g, '\u0001').replace(/</g, '\u0002'), SMARTYPANTS_MODE)
    .replace(/\u0001/g, '&')
    .replace(/\u0002/g, '<')
  return language === 'fr' ? frenchSpacing(frenchQuotes(curly)) : curly
}
