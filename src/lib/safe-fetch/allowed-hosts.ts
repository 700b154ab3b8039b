import { isLocalRequest } from '../local-request'

/**
 * A comma-separated setting of `host` or `host:port` exceptions (`CURATION_ALLOW_HOSTS`), which
 * lets local tests and `wrangler dev` fetch from 127.0.0.1. It counts only when the request itself
 * was addressed to this machine (localhost, 127.0.0.1 or [::1]): Cloudflare routes requests to a
 * deployed Worker by its own hostname, so a deployed Worker never sees such a URL, and the setting
 * is then ignored even if someone copied it into the production vars.
 */
export function localAllowedHosts(requestUrl: string, setting: string | undefined): string[] {
  if (!setting || !isLocalRequest(requestUrl)) return []
  return allowedHostList(setting.split(','))
}

/** `host[:port]` entries as the address checks compare them: trimmed, lower case. */
export function allowedHostList(hosts: readonly string[]): string[] {
  return hosts.map((host) => host.trim().toLowerCase()).filter(Boolean)
}
