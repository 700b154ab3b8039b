/**
 * Whether a request was addressed to this machine (localhost, 127.0.0.1 or [::1]): only local
 * development does that, since Cloudflare routes requests to a deployed Worker by its hostname.
 */
const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

export function isLocalRequest(requestUrl: string): boolean {
  return LOCAL_HOSTNAMES.has(new URL(requestUrl).hostname)
}
