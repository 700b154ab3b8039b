/**
 * How views are spread over the counting Durable Objects (README, "Counting at scale").
 * A visitor's shard follows from their hash for the day, so one shard sees all their views that
 * day, whatever data centre they come from, and decides exactly once whether they are new.
 */
export const DEFAULT_SHARDS = 16
/** Each active shard writes two D1 statements a minute: 50 shards stay within 100. */
export const MAX_SHARDS = 50

/** ANALYTICS_SHARDS: 16 by default, between 1 and 50. */
export function shardCount(setting: string | undefined): number {
  const shards = Number(setting)
  if (!Number.isInteger(shards) || shards < 1) return DEFAULT_SHARDS
  return Math.min(shards, MAX_SHARDS)
}

/** The shard that decides this visitor (a 64-bit hex hash, uniformly spread). */
export function shardOf(visitorHash: string, shards: number): number {
  return Number.parseInt(visitorHash.slice(0, 8), 16) % shards
}

export const shardName = (index: number) => `audience-shard-${index}`

/** How often a shard adds what it counted to D1: the dashboard is at most this far behind. */
export const FLUSH_INTERVAL_MS = 60_000
