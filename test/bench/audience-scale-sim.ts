/**
 * Runs inside the bench Worker (audience-scale-worker.ts): many simulated data centres, each with
 * a few isolates, send views at a chosen rate straight to the counting path, without HTTP. Each
 * simulated isolate has its own sender (its own batches), as a real one would; the shards are the
 * real Durable Objects and D1 the real local database.
 */
import { dailySeries } from '../../src/features/audience/queries'
import type { CountedView } from '../../src/features/audience/queries'
import { shardCount } from '../../src/features/audience/shard-settings'
import { shardStub } from '../../src/features/audience/shards'
import { recordUnrecorded } from '../../src/features/audience/unrecorded'
import { ViewSender } from '../../src/features/audience/view-sender'
import { visitorHash } from '../../src/features/audience/visitor'
import { createDb } from '../../src/db/client'
import { DirectD1Counter } from './direct-d1-counter'

export type ScaleOptions = {
  path: 'shards' | 'direct'
  rate: number
  seconds: number
  dataCentres: number
  isolatesPerDataCentre: number
  visitors: number
  pages: number
}

type SimIsolate = { record(view: CountedView): Promise<void>; drain(): Promise<void> }

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36'
// Each path counts on a day of its own, so the two runs never mix in D1.
const DAY = { shards: '2030-06-01', direct: '2030-06-02' }

export async function simulate(env: Env, options: ScaleOptions) {
  const { rate, seconds, dataCentres, isolatesPerDataCentre, visitors, pages } = options
  const day = DAY[options.path]
  const shards = shardCount(env.ANALYTICS_SHARDS)
  const senders: ViewSender[] = []
  const failures = new Map<string, number>()
  const directs: DirectD1Counter[] = []
  const isolates: SimIsolate[] = Array.from({ length: dataCentres * isolatesPerDataCentre }, () => {
    if (options.path === 'direct') {
      const direct = new DirectD1Counter(env.DB)
      directs.push(direct)
      return direct
    }
    const sender = new ViewSender({
      shards,
      send: (shard, batch) =>
        shardStub(env, shard)
          .record(batch)
          .catch((error: unknown) => {
            const message = String(error).slice(0, 120)
            failures.set(message, (failures.get(message) ?? 0) + 1)
            throw error
          }),
      giveUp: (viewsByDay, error) => recordUnrecorded(env.DB, viewsByDay, error),
    })
    senders.push(sender)
    return sender
  })
  // The hashes every data centre computes for each visitor that day (outside the timed part).
  const hashes = Array.from({ length: visitors }, (_, v) =>
    visitorHash(
      'salt-of-the-day',
      `10.${v >> 16}.${(v >> 8) & 255}.${v & 255}`,
      USER_AGENT,
      'b.example',
    ),
  )
  const seen = new Uint8Array(visitors)
  let sent = 0
  let acknowledged = 0
  let uniquesSent = 0
  let peakPending = 0
  const acknowledge = () => void acknowledged++

  const started = Date.now()
  const until = started + seconds * 1000
  for (let now = started; now < until; now = Date.now()) {
    // At most a second's worth of views on their way: past that the machine is the limit, and
    // sending faster would only pile views up in memory.
    const due = Math.min(Math.floor(((now - started) / 1000) * rate), acknowledged + rate)
    for (; sent < due; sent++) {
      const visitor = Math.floor(Math.random() * visitors)
      if (!seen[visitor]) {
        seen[visitor] = 1
        uniquesSent++
      }
      // Most readers stay on their nearest data centre; some come through another one.
      const dataCentre =
        Math.random() < 0.9 ? visitor % dataCentres : Math.floor(Math.random() * dataCentres)
      const isolate =
        dataCentre * isolatesPerDataCentre + Math.floor(Math.random() * isolatesPerDataCentre)
      isolates[isolate]
        .record({
          day,
          visitorHash: hashes[visitor],
          counts: [
            { metric: 'page', key: `/posts/p-${visitor % pages}` },
            { metric: 'device', key: 'desktop' },
          ],
        })
        .then(acknowledge)
    }
    peakPending = Math.max(peakPending, sent - acknowledged)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const sendSeconds = (Date.now() - started) / 1000
  await Promise.all(isolates.map((isolate) => isolate.drain()))
  const deliveredSeconds = (Date.now() - started) / 1000

  let d1Statements = directs.reduce((sum, direct) => sum + direct.statements, 0)
  let alarmStatements = d1Statements
  let shardRequests: number[] = []
  let rowsWritten = 0
  let alarmFlushes = 0
  if (options.path === 'shards') {
    // What the alarms would add within the minute, added now so the totals can be checked.
    const before = await Promise.all(
      Array.from({ length: shards }, (_, i) => shardStub(env, i).stats()),
    )
    alarmFlushes = before.reduce((sum, stats) => sum + stats.flushes, 0)
    alarmStatements = before.reduce((sum, stats) => sum + stats.d1Statements, 0)
    await Promise.all(Array.from({ length: shards }, (_, i) => shardStub(env, i).flush()))
    const stats = await Promise.all(
      Array.from({ length: shards }, (_, i) => shardStub(env, i).stats()),
    )
    shardRequests = stats.map((s) => s.requests)
    rowsWritten = stats.reduce((sum, s) => sum + s.rowsWritten, 0)
    d1Statements = stats.reduce((sum, s) => sum + s.d1Statements, 0)
  }
  const flushedSeconds = (Date.now() - started) / 1000

  const db = createDb(env.DB)
  const counted = (await dailySeries(db, day, day)).get(day) ?? { views: 0, visitors: 0 }
  return {
    path: options.path,
    shards,
    isolates: isolates.length,
    viewsSent: sent,
    viewsCounted: counted.views,
    uniquesSent,
    uniquesCounted: counted.visitors,
    sendSeconds,
    deliveredSeconds,
    flushedSeconds,
    viewsPerSecond: acknowledged / deliveredSeconds,
    d1Statements,
    d1StatementsPerMinute: d1Statements / (flushedSeconds / 60),
    alarmFlushes,
    /** Written while views came in, before the final flush the bench adds to check totals. */
    alarmStatementsPerMinute: alarmStatements / (deliveredSeconds / 60),
    shardRequestsPerSecond: shardRequests.map((n) => n / deliveredSeconds),
    shardRowsWrittenPerView: rowsWritten / Math.max(1, sent),
    shardRequestsPerView: shardRequests.reduce((a, b) => a + b, 0) / Math.max(1, sent),
    peakPendingViews: peakPending,
    /** Requests to shards that failed (and were sent again), by error. */
    failedRequests: Object.fromEntries(failures),
  }
}

export type ScaleResult = Awaited<ReturnType<typeof simulate>>
