/** A query string's `&`-separated parts as sent, each with its name as sent (up to the first `=`). */
export function queryParts(search: string) {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '')
    .map((part) => ({ part, name: part.split('=', 1)[0] }))
}

/** The parameter names of an old address (`/?p=12` has `p`), as `redirect_query_names` keeps them. */
export function queryNamesOf(path: string): string[] {
  const at = path.indexOf('?')
  if (at < 0) return []
  return [...new Set(queryParts(path.slice(at)).map(({ name }) => name))].filter(Boolean)
}
