/**
 * Front matter for exported posts: one `key: value` line each, every value written as JSON
 * (which YAML also reads), so titles with colons, quotes or accents need no escaping rules of
 * their own. The body after the closing `---` line is the post's Markdown, byte for byte.
 */
export type FrontMatter = Record<string, string | number | string[] | null>

export function withFrontMatter(fields: FrontMatter, body: string): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
  return `---\n${lines.join('\n')}\n---\n${body}`
}

export function splitFrontMatter(text: string): { fields: FrontMatter; body: string } | null {
  if (!text.startsWith('---\n')) return null
  const end = text.indexOf('\n---\n', 3)
  if (end < 0) return null
  const fields: FrontMatter = {}
  for (const line of text.slice(4, end).split('\n')) {
    const colon = line.indexOf(': ')
    if (colon < 0) return null
    try {
      fields[line.slice(0, colon)] = JSON.parse(line.slice(colon + 2))
    } catch {
      return null
    }
  }
  return { fields, body: text.slice(end + 5) }
}
