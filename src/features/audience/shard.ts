import type { DurableObject } from 'cloudflare:workers'
import type { ShardBatch } from './shard-batch'
import { flushShard, type FlushResult } from './shard-flush'
import { FLUSH_INTERVAL_MS } from './shard-settings'
import {
  closeDaysBefore,
  createTables,
  firstOpenDay,
  hasUnflushed,
  hasVisitors,
  lastReceivedNumber,
  recordBatch,
} from './shard-store'

const RETRY_FLUSH_MS = 10_000
/** A shard with visitor hashes wakes at least this often to forget past days' on its own. */
const CLOSE_CHECK_MS = 3_600_000
const DAY_MS = 86_400_000

type Arriving = { batch: ShardBatch; stored: () => void; failed: (error: unknown) => void }

export type ShardStats = {
  requests: number
  rowsWritten: number
  flushes: number
  d1Statements: number
}

/**
 * One shard of the audience counter (README, "Counting at scale"): it stores the batches isolates
 * send it, decides which of its visitors are new each day, and adds its totals to D1 on an alarm,
 * about once a minute, in one idempotent batch.
 *
 * The Workers runtime's `DurableObject` is handed in by the Worker's entry point (src/index.tsx):
 * this feature's code is also loaded by Node (the command-line tools reach it through other
 * features), where `cloudflare:workers` does not exist.
 */
export const audienceShardClass = (Base: typeof DurableObject<Env>) =>
  class AudienceShard extends Base {
    private readonly sql: SqlStorage
    private lastN = 0
    private closedBefore = ''
    private alarmAt: number | null = null
    private flushing: Promise<unknown> = Promise.resolve()
    private arriving: Arriving[] = []
    private storing = false
    /** Since this object started: for the bench and for logs, not kept. */
    private readonly counted: ShardStats = {
      requests: 0,
      rowsWritten: 0,
      flushes: 0,
      d1Statements: 0,
    }

    constructor(ctx: DurableObjectState, env: Env) {
      super(ctx, env)
      this.sql = ctx.storage.sql
      void ctx.blockConcurrencyWhile(async () => {
        createTables(this.sql)
        this.lastN = lastReceivedNumber(this.sql)
        this.closedBefore = firstOpenDay(this.sql)
        this.alarmAt = await ctx.storage.getAlarm()
      })
    }

    /** Stores a batch from an isolate; the answer means it is in this shard's storage, durably. */
    record(batch: ShardBatch): Promise<void> {
      this.counted.requests++
      return new Promise((stored, failed) => {
        this.arriving.push({ batch, stored, failed })
        if (!this.storing) void this.storeArriving()
      })
    }

    /**
     * Group commit: the batches that arrive while a commit is on its way to disk are stored
     * together, in one commit, and each is answered once it is durable. A busy shard thus commits
     * as often as its storage allows, not once per request.
     */
    private async storeArriving() {
      this.storing = true
      try {
        while (this.arriving.length > 0) {
          const group = this.arriving.splice(0)
          const now = Date.now()
          const stored: Arriving[] = []
          for (const entry of group) {
            // Each batch in its own transaction: one that cannot be stored fails alone.
            try {
              this.counted.rowsWritten += this.ctx.storage.transactionSync(() =>
                recordBatch(this.sql, entry.batch, ++this.lastN, now, this.closedBefore),
              )
              stored.push(entry)
            } catch (error) {
              entry.failed(error)
            }
          }
          try {
            await this.wakeAt(now + FLUSH_INTERVAL_MS)
            await this.ctx.storage.sync()
            for (const entry of stored) entry.stored()
          } catch (error) {
            for (const entry of stored) entry.failed(error)
          }
        }
      } finally {
        this.storing = false
      }
    }

    /** Adds what is pending to D1 now (tests, the bench); flushes never overlap. */
    flush(): Promise<FlushResult> {
      const run = this.flushing.then(() => flushShard(this.ctx.storage, this.key, this.env.DB))
      this.flushing = run.catch(() => undefined)
      return run.then((result) => {
        this.counted.flushes += result.seq === null ? 0 : 1
        this.counted.d1Statements += result.statements
        return result
      })
    }

    /** Forgets the visitor hashes of the days before `today` (the hourly housekeeping). */
    async close(today: string): Promise<number> {
      return this.closeDaysBefore(today)
    }

    stats(): ShardStats {
      return { ...this.counted }
    }

    override async alarm() {
      this.alarmAt = null
      const now = Date.now()
      try {
        await this.flush()
      } catch (error) {
        console.error('Audience shard: the flush to D1 failed; it will be sent again.', error)
        return this.wakeAt(now + RETRY_FLUSH_MS)
      }
      // A shard no longer in use (after ANALYTICS_SHARDS was lowered) gets no housekeeping call:
      // it forgets days two UTC days old by itself, whatever the site's time zone.
      this.closeDaysBefore(new Date(now - 2 * DAY_MS).toISOString().slice(0, 10))
      if (hasUnflushed(this.sql)) await this.wakeAt(now + FLUSH_INTERVAL_MS)
      else if (hasVisitors(this.sql)) await this.wakeAt(now + CLOSE_CHECK_MS)
    }

    private closeDaysBefore(firstOpen: string) {
      const deleted = this.ctx.storage.transactionSync(() => closeDaysBefore(this.sql, firstOpen))
      this.closedBefore = firstOpenDay(this.sql)
      return deleted
    }

    private get key() {
      return this.ctx.id.toString()
    }

    /** Sets the alarm to `time` unless it is already due sooner. */
    private async wakeAt(time: number) {
      if (this.alarmAt !== null && this.alarmAt <= time) return
      this.alarmAt = time
      await this.ctx.storage.setAlarm(time)
    }
  }

export type AudienceShard = InstanceType<ReturnType<typeof audienceShardClass>>
