import { isLocalRequest } from '../../../lib/local-request'

/**
 * `CURATION_ALLOW_HOSTS` (comma-separated `host` or `host:port`) lets local tests and `wrangler dev`
 * fetch fixture pages on 127.0.0.1. It counts only when the request itself was addressed to this
 * machine (localhost, 127.0.0.1 or [::1]): Cloudflare routes requests to a deployed Worker by its
 * own hostname, so a deployed Worker never sees such a URL, and the setting is then ignored even
 * if someone copied it into the production vars.
 */
export function curationAllowedHosts(requestUrl: string, setting: string | undefined): string[] {
  if (!setting || !isLocalRequest(requestUrl)) return []
  return setting
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean)
}
