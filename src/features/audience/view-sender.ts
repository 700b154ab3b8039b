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
 * One isolate's way to its shards. Views for the same shard within `windowMs` travel as one
 * request; a batch that fails is sent again (the same batch, under the same id) with growing
 * pauses until it is stored or `giveUpAfterMs` has passed, when its views are reported as not
 * recorded. `record` answers with what the request must keep alive through `waitUntil`.
 */
export class ViewSender {
  private readonly open = new Map<number, { batch: OpenBatch; done: Promise<void> }>()
  private readonly underway = new Set<Promise<void>>()
  /** Views this isolate holds that no shard has stored yet. */
  pendingViews = 0
  /** Requests sent to each shard, retries included. */
  readonly requests: number[]

  constructor(private readonly options: ViewSenderOptions) {
    this.requests = Array(options.shards).fill(0)
  }

  record(view: CountedView): Promise<void> {
    const shard =
      view.visitorHash !== null ? shardOf(view.visitorHash, this.options.shards) : this.anyShard()
    let open = this.open.get(shard)
    if (!open) {
      const batch = new OpenBatch()
      const done = wait(this.options.windowMs ?? WINDOW_MS).then(() => {
        this.open.delete(shard)
        return this.deliver(shard, batch)
      })
      open = { batch, done }
      this.open.set(shard, open)
      this.underway.add(done)
      void done.finally(() => this.underway.delete(done))
    }
    open.batch.add(view)
    this.pendingViews++
    return open.done
  }

  /** A view that never reached the sender (its salt could not be read): reported like the others. */
  async lost(view: CountedView, error: unknown) {
    await this.report(new Map([[view.day, 1]]), error)
  }

  /** Resolves when every view recorded so far is stored or reported. */
  async drain() {
    while (this.underway.size > 0) await Promise.all(this.underway)
  }

  /** A view that decides no uniqueness joins a batch already gathering, or any shard. */
  private anyShard(): number {
    for (const shard of this.open.keys()) return shard
    return Math.floor(Math.random() * this.options.shards)
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
