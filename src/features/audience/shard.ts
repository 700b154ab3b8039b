import { DurableObject } from 'cloudflare:workers'
import type { ShardBatch } from './shard-batch'
import { flushShard, type FlushResult } from './shard-flush'
import { FLUSH_INTERVAL_MS } from './shard-settings'
import {
  closeDaysBefore,
  createTables,
  hasUnflushed,
  hasVisitors,
  lastReceivedNumber,
  recordBatch,
} from './shard-store'

const RETRY_FLUSH_MS = 10_000
/** A shard with visitor hashes wakes at least this often to forget past days' on its own. */
const CLOSE_CHECK_MS = 3_600_000
const DAY_MS = 86_400_000

export type ShardStats = {
  requests: number
  views: number
  rowsWritten: number
  flushes: number
  d1Statements: number
}

/**
 * One shard of the audience counter (README, "Counting at scale"): it stores the batches isolates
 * send it, decides which of its visitors are new each day, and adds its totals to D1 on an alarm,
 * about once a minute, in one idempotent batch.
 */
export class AudienceShard extends DurableObject<Env> {
  private readonly sql: SqlStorage
  private lastN = 0
  private alarmAt: number | null = null
  private flushing: Promise<unknown> = Promise.resolve()
  /** Since this object started: for the bench and for logs, not kept. */
  private readonly counted: ShardStats = {
    requests: 0,
    views: 0,
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
      this.alarmAt = await ctx.storage.getAlarm()
    })
  }

  /** Stores a batch from an isolate; the answer means it is in this shard's storage. */
  async record(batch: ShardBatch): Promise<void> {
    const now = Date.now()
    this.counted.requests++
    this.counted.rowsWritten += this.ctx.storage.transactionSync(() =>
      recordBatch(this.sql, batch, ++this.lastN, now),
    )
    await this.wakeAt(now + FLUSH_INTERVAL_MS)
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
    return this.ctx.storage.transactionSync(() => closeDaysBefore(this.sql, today))
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
    this.ctx.storage.transactionSync(() =>
      closeDaysBefore(this.sql, new Date(now - 2 * DAY_MS).toISOString().slice(0, 10)),
    )
    if (hasUnflushed(this.sql)) await this.wakeAt(now + FLUSH_INTERVAL_MS)
    else if (hasVisitors(this.sql)) await this.wakeAt(now + CLOSE_CHECK_MS)
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
