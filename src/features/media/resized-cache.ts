/**
 * Narrower copies of uploads (`/media/<key>?w=<width>`), kept in the Cache API once made: Cloudflare
 * Images resizes an image once per data centre and width, not on every request. The key is the
 * address and the width alone, so other query parameters cannot multiply the entries; the bytes
 * behind a key never change (the key is their hash), so an entry never goes stale.
 */
const openResized = () => caches.open('resized-media')

const entryFor = (origin: string, key: string, width: number) =>
  new Request(`${origin}/media/${key}?w=${width}`)

/** The stored copy, with headers of its own (a cached response's cannot be changed). */
export async function findResizedCopy(origin: string, key: string, width: number) {
  const hit = await (await openResized()).match(entryFor(origin, key, width))
  return hit ? new Response(hit.body, hit) : null
}

/** Answers with `response` and stores a copy of it meanwhile. */
export function keepResizedCopy(
  ctx: { waitUntil(promise: Promise<unknown>): void },
  origin: string,
  key: string,
  width: number,
  response: Response,
): Response {
  const copy = response.clone()
  ctx.waitUntil(openResized().then((cache) => cache.put(entryFor(origin, key, width), copy)))
  return response
}
