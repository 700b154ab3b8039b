/**
 * `npm run bench`: the home page served by the bundled Worker in local workerd (Miniflare), with
 * the audience counter on and then off, in one run. Rounds alternate so both see the same machine.
 * D1 and the counter's Durable Objects keep their files on tmpfs in both.
 * Prints requests per second and p99 latency of each, and their ratio (target: on/off ≥ 0.9).
 */
import { startLocalWorker, type LocalWorker } from '../support/local-worker'
import { CONNECTIONS, load, ROUND_MS, ROUNDS, summarize, WARMUP_MS, type Sample } from './load'

async function main() {
  const workers: Record<'on' | 'off', LocalWorker> = {
    // Both on tmpfs (see startLocalWorker): each view's shard commits to SQLite, and locally a
    // commit would hold the whole workerd while the disk syncs, which deployed it never does.
    on: await startLocalWorker({
      demoContent: true,
      vars: { ANALYTICS_ENABLED: 'true' },
      tmpfsStorage: true,
    }),
    off: await startLocalWorker({
      demoContent: true,
      vars: { ANALYTICS_ENABLED: 'false' },
      tmpfsStorage: true,
    }),
  }
  try {
    for (const mode of ['on', 'off'] as const) await load(`${workers[mode].url}/`, WARMUP_MS)
    const samples: Record<'on' | 'off', Sample[]> = { on: [], off: [] }
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        samples[mode].push(await load(`${workers[mode].url}/`, ROUND_MS))
      }
    }
    const on = summarize(samples.on)
    const off = summarize(samples.off)

    await workers.on.flushAudience()
    const db = await workers.on.miniflare.getD1Database('DB')
    const counted = await db
      .prepare(
        "SELECT COALESCE(SUM(count), 0) AS views FROM audience_daily_counts WHERE metric = 'page'",
      )
      .first<{ views: number }>()

    const row = (name: string, r: ReturnType<typeof summarize>) =>
      `${name.padEnd(13)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${r.p99.toFixed(1).padStart(7)} ms   (${r.requests} requests)`
    console.log(
      `Home page, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${ROUND_MS} ms each`,
    )
    console.log(row('counting on', on))
    console.log(row('counting off', off))
    console.log(`throughput on/off: ${(on.rps / off.rps).toFixed(3)}  (target ≥ 0.9)`)
    console.log(`p99 on/off:        ${(on.p99 / off.p99).toFixed(3)}`)
    console.log(`views counted while on: ${counted?.views} (warm-up included)`)
  } finally {
    await Promise.all([workers.on.dispose(), workers.off.dispose()])
  }
}

await main()
