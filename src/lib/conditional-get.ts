import { etagOf, isNotModified } from './etag'

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
  const etag = await etagOf(body)
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
