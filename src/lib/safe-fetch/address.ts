/**
 * Which addresses the outbound fetcher may contact. The URL parser has already turned every IPv4
 * spelling (decimal `2130706433`, hex `0x7f.0.0.1`, octal, short `127.1`) into dotted quads and
 * IPv6 into its compressed form, so only those two shapes need checking here.
 */

import { ipv4sSpelledIn, isLoopbackByDesign } from './wildcard-names'

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

const embeddedIpv4 = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff]

function isPublicIpv6(groups: number[]): boolean {
  const [first, second] = groups
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] <= 1) return false // :: and ::1
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0)
  // Forms that carry an IPv4 address, which the network may reach: judge that address.
  // IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, NAT64 64:ff9b::a.b.c.d.
  const mapped = zeros(0, 5) && groups[5] === 0xffff
  const translated = zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0
  const nat64 = first === 0x64 && second === 0xff9b && zeros(2, 6)
  if (mapped || translated || nat64) return isPublicIpv4(embeddedIpv4(groups[6], groups[7]))
  // 6to4 2002:aabb:ccdd::/48 routes to the IPv4 address aa.bb.cc.dd.
  if (first === 0x2002) return isPublicIpv4(embeddedIpv4(second, groups[2]))
  // Teredo 2001::/32 tunnels to an IPv4 address hidden in its last bits; the other NAT64 prefixes
  // under 64:ff9b::/32 are local-use: none is a plain public address.
  if (first === 0x2001 && second === 0) return false
  if (first === 0x64 && second === 0xff9b) return false
  if (first === 0x2001 && second === 0xdb8) return false // documentation
  if ((first & 0xfe00) === 0xfc00) return false // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return false // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return false // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return false // multicast
  return groups.slice(0, 6).some((g) => g !== 0) // other ::/96 forms (IPv4-compatible)
}

const PRIVATE_SUFFIXES = [
  '.localhost',
  '.local',
  '.internal',
  '.lan',
  '.home.arpa',
  '.localdomain',
  // Reserved (RFC 2606): never public names.
  '.test',
  '.invalid',
]

function isPrivateName(host: string): boolean {
  const name = host.replace(/\.$/, '')
  if (name === 'localhost' || !name.includes('.')) return true
  if (PRIVATE_SUFFIXES.some((suffix) => name.endsWith(suffix)) || isLoopbackByDesign(name))
    return true
  return ipv4sSpelledIn(name).some((octets) => !isPublicIpv4(octets))
}

/** Why this URL may not be fetched, or null when it may. `allowed` lists `host[:port]` exceptions. */
export function refusalFor(url: URL, allowed: readonly string[] = []): AddressRefusal | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme'
  if (url.username || url.password) return 'credentials'
  if (allowed.includes(url.host) || allowed.includes(url.hostname)) return null
  // The host is judged before the port: "a local machine" says more than "another port".
  const host = url.hostname.toLowerCase()
  const hostRefusal = refusalForHost(host)
  if (hostRefusal) return hostRefusal
  if (url.port !== '' && url.port !== '80' && url.port !== '443') return 'port'
  return null
}

function refusalForHost(host: string): AddressRefusal | null {
  const v4 = ipv4Octets(host)
  if (v4) return isPublicIpv4(v4) ? null : 'privateAddress'
  const v6 = ipv6Groups(host)
  if (v6) return isPublicIpv6(v6) ? null : 'privateAddress'
  if (host.startsWith('[')) return 'privateAddress'
  // A name whose last label is numeric would be an IP address the parser did not accept.
  if (/^(0x[0-9a-f]*|\d+)$/.test(host.split('.').at(-1) ?? '')) return 'privateAddress'
  return isPrivateName(host) ? 'privateName' : null
}
