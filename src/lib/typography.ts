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

/** Text as it should be set in its language. */
export function typeset(text: string, language: string): string {
  return language === 'fr' ? frenchSpacing(text) : text
}
