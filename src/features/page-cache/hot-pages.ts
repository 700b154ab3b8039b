/**
 * The isolate's most recently served page-cache entries, so that a hit costs one Cache API lookup
 * (the content-state probe) instead of two. Keys are the versioned page keys, so an entry here is
 * exactly as fresh as the Cache API's own; each also keeps its entry's expiry.
 */
export type HotPage = {
  body: ArrayBuffer
  status: number
  headers: [string, string][]
  expiresAt: number
}

const MAX_ENTRIES = 64
const MAX_BODY_BYTES = 128 * 1024
const pages = new Map<string, HotPage>()

export function hotPage(key: string, now: number): HotPage | null {
  const page = pages.get(key)
  if (!page) return null
  pages.delete(key)
  if (now >= page.expiresAt) return null
  pages.set(key, page) // most recently used last
  return page
}

/** Keeps a page-cache entry; returns it as kept, whether or not it is small enough to stay. */
export function keepHotPage(
  key: string,
  response: Response,
  body: ArrayBuffer,
  expiresAt: number,
): HotPage {
  const headers: [string, string][] = []
  response.headers.forEach((value, name) => headers.push([name, value]))
  const page = { body, status: response.status, headers, expiresAt }
  if (body.byteLength > MAX_BODY_BYTES) return page
  pages.delete(key)
  pages.set(key, page)
  for (const oldest of pages.keys()) {
    if (pages.size <= MAX_ENTRIES) break
    pages.delete(oldest)
  }
  return page
}
