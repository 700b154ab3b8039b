/**
 * Public DNS names that resolve to loopback or to a private address by design, so that a name can
 * reach what an address may not: each domain here and every name under it is refused.
 * - Wildcard DNS that answers with the address written in the name (`10.0.0.1.nip.io`,
 *   `app-192-168-1-1.sslip.io`, `0a000001.nip.io`): nip.io, sslip.io, xip.io, traefik.me.
 * - Names whose every subdomain is 127.0.0.1, for local development: localtest.me, lvh.me,
 *   vcap.me, localhost.direct, local.gd, localho.st, lacolhost.com, fuf.me.
 * - DNS rebinding services, which answer a public address then a private one: 1u.ms, rbndr.us,
 *   rebind.it.
 * `localhost` and `*.localhost` are refused with the other local suffixes (see address.ts), and
 * any other name that spells a private IPv4 address as they do (`ipv4sSpelledIn`).
 */
export const LOOPBACK_BY_DESIGN = [
  'nip.io',
  'sslip.io',
  'xip.io',
  'traefik.me',
  'localtest.me',
  'lvh.me',
  'vcap.me',
  'localhost.direct',
  'local.gd',
  'localho.st',
  'lacolhost.com',
  'fuf.me',
  '1u.ms',
  'rbndr.us',
  'rebind.it',
]

export function isLoopbackByDesign(name: string): boolean {
  return LOOPBACK_BY_DESIGN.some((domain) => name === domain || name.endsWith(`.${domain}`))
}

/**
 * The IPv4 addresses a name spells as wildcard DNS services read them, four dotted labels
 * (`10.0.0.1.example`) or four dashed numbers (`app-10-0-0-1.example`), for the services not
 * listed above. (Eight hex digits are left to the list: hashes in CDN names look the same.)
 */
export function ipv4sSpelledIn(name: string): number[][] {
  const found: number[][] = []
  const labels = name.split('.')
  for (let i = 0; i + 4 <= labels.length; i++) {
    const quad = labels.slice(i, i + 4)
    if (quad.every((label) => /^\d{1,3}$/.test(label))) found.push(quad.map(Number))
  }
  for (const match of name.matchAll(/(?<!\d-?)(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})(?!-?\d)/g))
    found.push(match.slice(1, 5).map(Number))
  return found.filter((octets) => octets.every((o) => o <= 255))
}
