import type { Db } from '../../db/client'
import { BloomFilter } from './bloom-filter'
import { PAGE_MAX_AGE_S } from './keys'
import { readKnownAddresses } from './known-addresses-query'

/**
 * A content version's known addresses (known-addresses-query.ts) as a Bloom filter: an address it
 * does not hold is certainly no page. Null when there were too many to keep: every address is then
 * looked up as before.
 */
export type KnownAddresses = BloomFilter | null

const KIND_HEADER = 'X-Known-Addresses'

// This isolate's copy, for one version at a time: memory holds one filter at most.
let kept: { key: string; known: KnownAddresses } | null = null
// The version last read for: an isolate reads each at most once, even if the read failed or found
// a newer version (this isolate's content state then catches up within its maximum age).
let lastRead: string | null = null

function keep(key: string, known: KnownAddresses) {
  kept = { key, known }
}

/** The filter under `key` if this isolate holds it; undefined if it does not. */
export function keptKnownAddresses(key: string): KnownAddresses | undefined {
  return kept?.key === key ? kept.known : undefined
}

/** The filter under `key` from this isolate or this data centre's cache; undefined if neither has it. */
export async function cachedKnownAddresses(
  cache: Cache,
  key: string,
): Promise<KnownAddresses | undefined> {
  const held = keptKnownAddresses(key)
  if (held !== undefined) return held
  const entry = await cache.match(key)
  if (!entry) return undefined
  const known =
    entry.headers.get(KIND_HEADER) === 'filter'
      ? BloomFilter.fromBytes(await entry.arrayBuffer())
      : null
  keep(key, known)
  return known
}

/**
 * Reads the known addresses from D1 and keeps them, here and in this data centre's cache, under
 * the version they were read at (`keyOf`): a data centre reads them once per version, not per
 * request. Called after a 404 was sent, so no reader waits; for the version the request expected
 * (`expectedKey`), once per isolate.
 */
export async function readAndKeepKnownAddresses(
  db: Db,
  cache: Cache,
  expectedKey: string,
  keyOf: (version: number) => string,
) {
  if (lastRead === expectedKey) return
  lastRead = expectedKey
  const { version, addresses } = await readKnownAddresses(db)
  const known = addresses && BloomFilter.of(addresses, addresses.length)
  const key = keyOf(version)
  keep(key, known)
  const headers = {
    'Cache-Control': `max-age=${PAGE_MAX_AGE_S}`,
    [KIND_HEADER]: known ? 'filter' : 'too-many',
  }
  await cache.put(key, new Response(known?.toBytes() ?? null, { headers }))
}
