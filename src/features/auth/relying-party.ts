/**
 * The relying party is the site's public address (`SITE_URL`), or, when that is empty, the
 * address the request came to, port included: so passkeys work at http://localhost:8787 too.
 */
export function relyingParty(siteUrl: string) {
  const url = new URL(siteUrl)
  return { rpID: url.hostname, origin: url.origin }
}
