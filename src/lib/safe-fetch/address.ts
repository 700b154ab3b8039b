/**
 * Which addresses the curation fetcher may contact. The URL parser has already turned every IPv4
 * spelling (decimal `2130706433`, hex `0x7f.0.0.1`, octal, short `127.1`) into dotted quads and
 * IPv6 into its compressed form, so only those two shapes need checking here.
 */

export type AddressRefusal = 'scheme' | 'port' | 'credentials' | 'privateAddress' | 'privateName'

function ipv4Octets(host: string): number[] | null {
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null
  const octets = parts.map(Number)
  return octets.every((o) => o <= 255) ? octets : null
}

/** Loopback, private, shared, link-local (cloud metadata), "this network", multicast, reserved. */
function isPublicIpv4([a, b]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127) return false
  if (a === 169 && b === 254) return false
  if (a === 172 && b >= 16 && b <= 31) return false
  if (a === 192 && b === 168) return false
  if (a === 100 && b >= 64 && b <= 127) return false
  if (a === 192 && b === 0) return false
  if (a === 198 && (b === 18 || b === 19)) return false
  return a < 224
}

function ipv6Groups(host: string): number[] | null {
  if (!host.startsWith('[') || !host.endsWith(']')) return null
  const inner = host.slice(1, -1)
  const [head, tail] = inner.includes('::') ? inner.split('::') : [inner, null]
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : [])
  const left = parse(head)
  const right = tail === null ? [] : parse(tail)
  const missing = 8 - left.length - right.length
  if (missing < 0 || (tail === null && missing !== 0)) return null
  const groups = [...left, ...Array(missing).fill(0), ...right]
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null
}

function isPublicIpv6(groups: number[]): boolean {
  const first = groups[0]
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] <= 1) return false // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address: judge that.
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff
  const nat64 = first === 0x64 && groups[1] === 0xff9b
  if (mapped || nat64) {
    return isPublicIpv4([groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff])
  }
  if ((first & 0xfe00) === 0xfc00) return false // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return false // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return false // multicast
  return groups.slice(0, 6).some((g) => g !== 0) // other ::/96 forms (IPv4-compatible)
}

const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa', '.localdomain']

function isPrivateName(host: string): boolean {
  const name = host.replace(/\.$/, '')
  if (name === 'localhost' || !name.includes('.')) return true
  return PRIVATE_SUFFIXES.some((suffix) => name.endsWith(suffix))
}

/** Why this URL may not be fetched, or null when it may. `allowed` lists `host[:port]` exceptions. */
export function refusalFor(url: URL, allowed: readonly string[] = []): AddressRefusal | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme'
  if (url.username || url.password) return 'credentials'
  if (allowed.includes(url.host) || allowed.includes(url.hostname)) return null
  if (url.port !== '' && url.port !== '80' && url.port !== '443') return 'port'
  const host = url.hostname.toLowerCase()
  const v4 = ipv4Octets(host)
  if (v4) return isPublicIpv4(v4) ? null : 'privateAddress'
  const v6 = ipv6Groups(host)
  if (v6) return isPublicIpv6(v6) ? null : 'privateAddress'
  if (host.startsWith('[')) return 'privateAddress'
  // A name whose last label is numeric would be an IP address the parser did not accept.
  if (/^(0x[0-9a-f]*|\d+)$/.test(host.split('.').at(-1) ?? '')) return 'privateAddress'
  return isPrivateName(host) ? 'privateName' : null
}
