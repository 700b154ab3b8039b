/** The longest query the search form sends (the input's maxlength); longer ones are cut. */
export const MAX_QUERY_LENGTH = 200
const MAX_TERMS = 8
const MAX_TERM_LENGTH = 40

/**
 * The reader's words as an FTS5 query that cannot be a syntax error: only letters and digits
 * survive, each term is quoted (so `NEAR`, `OR`, `-`, `:` and `"` are plain text) and all must
 * match; a term of two letters or more also matches as a prefix, for results while typing.
 * Null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .slice(0, MAX_QUERY_LENGTH)
    .normalize('NFC')
    .match(/[\p{L}\p{N}\p{M}]+/gu)
  const terms = [...new Set(words ?? [])]
    .slice(0, MAX_TERMS)
    .map((word) => word.slice(0, MAX_TERM_LENGTH))
  if (terms.length === 0) return null
  return terms.map((term) => (term.length > 1 ? `"${term}"*` : `"${term}"`)).join(' ')
}

/** What SQLite's highlight() and snippet() put around a match; no stored text contains them. */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * A highlighted snippet as HTML: all text escaped, matches in `<mark>`, always balanced even if
 * the markers are not.
 */
export function highlightedHtml(text: string): string {
  let open = false
  let html = ''
  for (const char of text) {
    if (char === MATCH_START) {
      if (!open) html += '<mark>'
      open = true
    } else if (char === MATCH_END) {
      if (open) html += '</mark>'
      open = false
    } else {
      html += ESCAPES[char] ?? char
    }
  }
  return open ? `${html}</mark>` : html
}

export const hasMatch = (text: string) => text.includes(MATCH_START)
