import { runInDurableObject } from 'cloudflare:test'
import { shardStub } from '../../../src/features/audience/shards'
import { shardCount } from '../../../src/features/audience/shard-settings'

/** Everything each shard keeps in its own storage, read inside the Durable Object. */
export async function shardContents(env: Env) {
  return Promise.all(
    Array.from({ length: shardCount(env.ANALYTICS_SHARDS) }, (_, i) =>
      runInDurableObject(shardStub(env, i), (_shard, state) => ({
        visitors: state.storage.sql
          .exec<{ day: string; hash: string }>('SELECT * FROM visitors')
          .toArray(),
        received: state.storage.sql.exec('SELECT * FROM received').toArray(),
        outbox: state.storage.sql.exec('SELECT * FROM outbox').toArray(),
      })),
    ),
  )
}
