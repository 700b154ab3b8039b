import { bytesToBase64Url } from './encoding'

/** A strong validator from the body's bytes: equal bodies, equal tags, on any data centre. */
export async function etagOf(body: ArrayBuffer | string): Promise<string> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return `"${bytesToBase64Url(new Uint8Array(digest).slice(0, 18))}"`
}

/** `If-None-Match` holds this tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === bare)
}

/**
 * Whether a conditional GET may get a 304 (RFC 9110 §13.2.2): `If-None-Match` decides when sent;
 * otherwise `If-Modified-Since`, to the second.
 */
export function isNotModified(
  request: Headers,
  etag: string | null,
  lastModified: Date | null,
): boolean {
  const ifNoneMatch = request.get('If-None-Match')
  if (ifNoneMatch !== null) return etag !== null && matchesEtag(ifNoneMatch, etag)
  const since = Date.parse(request.get('If-Modified-Since') ?? '')
  if (!lastModified || Number.isNaN(lastModified.getTime()) || Number.isNaN(since)) return false
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= since
}
