import type { FlushResult } from './shard-flush'
import { shardCount, shardName } from './shard-settings'
import { recordUnrecorded } from './unrecorded'
import { ViewSender } from './view-sender'

// A shard's id is a plain value, computed once per isolate (a stub is made per request).
const shardIds = new WeakMap<object, DurableObjectId[]>()

export function shardStub(env: Env, index: number) {
  let ids = shardIds.get(env.AUDIENCE)
  if (!ids) shardIds.set(env.AUDIENCE, (ids = []))
  ids[index] ??= env.AUDIENCE.idFromName(shardName(index))
  return env.AUDIENCE.get(ids[index])
}

// One sender per isolate (and per shard count): its batches gather the views of every request.
const senders = new WeakMap<object, Map<number, ViewSender>>()

/** This isolate's sender to the shards of `env`. */
export function senderFor(env: Env): ViewSender {
  const shards = shardCount(env.ANALYTICS_SHARDS)
  let byCount = senders.get(env.AUDIENCE)
  if (!byCount) senders.set(env.AUDIENCE, (byCount = new Map()))
  let sender = byCount.get(shards)
  if (!sender) {
    sender = new ViewSender({
      shards,
      send: (index, batch) => shardStub(env, index).record(batch),
      giveUp: (viewsByDay, error) => recordUnrecorded(env.DB, viewsByDay, error),
    })
    byCount.set(shards, sender)
  }
  return sender
}

/**
 * Everything counted so far, in D1 now rather than within the minute: this isolate's batches are
 * delivered, then every shard flushes. For tests and the bench; the alarms do it in production.
 */
export async function flushAudience(env: Env): Promise<FlushResult[]> {
  await senderFor(env).drain()
  const shards = shardCount(env.ANALYTICS_SHARDS)
  return Promise.all(Array.from({ length: shards }, (_, i) => shardStub(env, i).flush()))
}

/** Every shard forgets the visitor hashes of the days before `today`. Returns how many went. */
export async function closeShardDays(env: Env, today: string): Promise<number> {
  const shards = shardCount(env.ANALYTICS_SHARDS)
  const closed = await Promise.allSettled(
    Array.from({ length: shards }, (_, i) => shardStub(env, i).close(today)),
  )
  let deleted = 0
  for (const result of closed) {
    if (result.status === 'fulfilled') deleted += result.value
    else console.error('Audience counter: a shard could not close its past days.', result.reason)
  }
  return deleted
}
