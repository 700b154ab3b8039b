import type { CountedView } from './queries'
import { OpenBatch, type ShardBatch } from './shard-batch'
import { shardOf } from './shard-settings'

export type ViewSenderOptions = {
  shards: number
  /** Hands a batch to its shard; resolves once the shard has stored it. */
  send: (shard: number, batch: ShardBatch) => Promise<void>
  /** Views that could not be handed to their shard in time, by day: reported, never dropped silently. */
  giveUp: (viewsByDay: Map<string, number>, error: unknown) => Promise<void>
  /** How long an isolate gathers views for a shard before sending them together. */
  windowMs?: number
  /** Retries stop after this long, well within the 30 s `waitUntil` allows after a response. */
  giveUpAfterMs?: number
}

const WINDOW_MS = 100
const GIVE_UP_AFTER_MS = 20_000
const FIRST_RETRY_MS = 100
const LONGEST_RETRY_MS = 2_000

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * One isolate's way to its shards. The views of a window of `windowMs` travel together: one
 * request per shard that has any (one timer per isolate, however many shards). A batch that fails
 * is sent again (the same batch, under the same id) with growing pauses until it is stored or
 * `giveUpAfterMs` has passed, when its views are reported as not recorded. `record` answers with
 * what the request must keep alive through `waitUntil`: the delivery of its window.
 */
export class ViewSender {
  private window: { batches: Map<number, OpenBatch>; done: Promise<void> } | null = null
  private readonly underway = new Set<Promise<void>>()
  /** Views this isolate holds that no shard has stored yet. */
  pendingViews = 0
  /** Requests sent to each shard, retries included. */
  readonly requests: number[]

  constructor(private readonly options: ViewSenderOptions) {
    this.requests = Array(options.shards).fill(0)
  }

  record(view: CountedView): Promise<void> {
    if (!this.window) {
      const batches = new Map<number, OpenBatch>()
      const done = wait(this.options.windowMs ?? WINDOW_MS).then(async () => {
        this.window = null
        await Promise.all([...batches].map(([shard, batch]) => this.deliver(shard, batch)))
      })
      this.window = { batches, done }
      this.underway.add(done)
      void done.finally(() => this.underway.delete(done))
    }
    const { batches, done } = this.window
    // A view that decides no uniqueness joins a batch already gathering, or any shard.
    const shard =
      view.visitorHash !== null
        ? shardOf(view.visitorHash, this.options.shards)
        : (batches.keys().next().value ?? Math.floor(Math.random() * this.options.shards))
    let batch = batches.get(shard)
    if (!batch) batches.set(shard, (batch = new OpenBatch()))
    batch.add(view)
    this.pendingViews++
    return done
  }

  /** A view that never reached the sender (its salt could not be read): reported like the others. */
  async lost(view: CountedView, error: unknown) {
    await this.report(new Map([[view.day, 1]]), error)
  }

  /** Resolves when every view recorded so far is stored or reported. */
  async drain() {
    while (this.underway.size > 0) await Promise.all(this.underway)
  }

  private async deliver(shard: number, open: OpenBatch) {
    const batch = open.seal()
    const started = Date.now()
    const giveUpAfter = this.options.giveUpAfterMs ?? GIVE_UP_AFTER_MS
    try {
      for (let pause = FIRST_RETRY_MS; ; pause = Math.min(pause * 2, LONGEST_RETRY_MS)) {
        try {
          this.requests[shard]++
          await this.options.send(shard, batch)
          return
        } catch (error) {
          if (Date.now() - started + pause > giveUpAfter)
            return await this.report(open.viewsByDay, error)
          await wait(pause)
        }
      }
    } finally {
      this.pendingViews -= open.views
    }
  }

  private async report(viewsByDay: Map<string, number>, error: unknown) {
    try {
      await this.options.giveUp(viewsByDay, error)
    } catch (reportError) {
      const views = [...viewsByDay.values()].reduce((sum, n) => sum + n, 0)
      console.error(`Audience counter: ${views} view(s) could not be recorded.`, error, reportError)
    }
  }
}
