/** A description search engines show whole: at most `max` characters, cut at a word. */
export function metaDescription(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}

const OG_LOCALES: Record<string, string> = { en: 'en_US', fr: 'fr_FR' }

export function openGraphLocale(language: string): string {
  return OG_LOCALES[language] ?? language
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<` is escaped so that no text (a title
 * containing `</script>`) can end the block early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** Makes root-relative links and images in post HTML absolute, for feeds read elsewhere. */
export function absoluteUrls(html: string, origin: string): string {
  return html
    .replace(/\b(href|src)="\/(?!\/)/g, `$1="${origin}/`)
    .replace(/\bsrcset="([^"]*)"/g, (_, list: string) => {
      const absolute = list.replace(/(^|,\s*)\/(?!\/)/g, `$1${origin}/`)
      return `srcset="${absolute}"`
    })
}
