/** "https://www.lemonde.fr/…" → "lemonde.fr", for "Read at lemonde.fr". */
export function displayHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return ''
  }
}
