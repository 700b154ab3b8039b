/** A strong ETag from the body's SHA-256: equal bodies, equal tags, whatever changed upstream. */
export async function etagFor(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body))
  const bytes = new Uint8Array(digest).slice(0, 16)
  return `"${btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c]!)}"`
}

/**
 * Whether a conditional GET may get a 304 (RFC 9110 §13.2.2): `If-None-Match` decides when sent
 * (weak comparison); otherwise `If-Modified-Since`, to the second.
 */
export function isNotModified(headers: Headers, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = headers.get('If-None-Match')
  if (ifNoneMatch !== null) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === etag)
  }
  const since = Date.parse(headers.get('If-Modified-Since') ?? '')
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since
}

/**
 * A cacheable text response that answers a conditional GET with 304: the ETag is the body's hash,
 * so it changes exactly when the content does.
 */
export async function conditionalResponse(
  request: Request,
  body: string,
  contentType: string,
  lastModified: Date,
): Promise<Response> {
  const etag = await etagFor(body)
  const headers = {
    'Content-Type': contentType,
    ETag: etag,
    'Last-Modified': lastModified.toUTCString(),
    // Feed readers and crawlers poll: a few minutes of freshness, then a cheap revalidation.
    'Cache-Control': 'public, max-age=300',
  }
  if (isNotModified(request.headers, etag, lastModified)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(body, { status: 200, headers })
}
