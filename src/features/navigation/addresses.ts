/**
 * A link's address as typed, made canonical: a path on this site (`/a-propos`, `/categories/x`,
 * with a query or a fragment if wanted) percent-encoded as it goes on the wire, or a full
 * http(s) or mailto address. Null for anything else (`javascript:`, `//host`, a bare word).
 */
export function canonicalAddress(typed: string): string | null {
  const address = typed.trim()
  if (address.startsWith('/')) {
    if (address.startsWith('//') || /[\\\s]/.test(address)) return null
    const base = 'https://site.invalid'
    try {
      const url = new URL(address, base)
      return url.origin === base ? url.pathname + url.search + url.hash : null
    } catch {
      return null
    }
  }
  try {
    const url = new URL(address)
    if (url.protocol === 'mailto:') return url.href
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    if (url.username || url.password) return null
    return url.href
  } catch {
    return null
  }
}

/** The address as the owner reads it: a path's escapes decoded (`/caf%C3%A9` → `/café`). */
export function readableAddress(address: string): string {
  if (!address.startsWith('/')) return address
  try {
    return decodeURI(address)
  } catch {
    return address
  }
}
