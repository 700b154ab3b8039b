import { bytesToBase64Url } from './encoding'

/** A strong validator from the body's bytes: equal bodies, equal tags, on any data centre. */
export async function etagOf(body: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', body)
  return `"${bytesToBase64Url(new Uint8Array(digest).slice(0, 18))}"`
}

/** `If-None-Match` holds this tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === bare)
}
