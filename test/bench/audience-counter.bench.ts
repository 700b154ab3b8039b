/**
 * `npm run bench`: the home page served by the bundled Worker in local workerd (Miniflare), with
 * the audience counter on and then off, in one run. Rounds alternate so both see the same machine.
 * Prints requests per second and p99 latency of each, and their ratio (target: on/off ≥ 0.9).
 */
import { startLocalWorker, type LocalWorker } from '../support/local-worker'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 4000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const WARMUP_MS = 1500
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

type Sample = { requests: number; elapsedMs: number; latencies: number[] }

/** CONNECTIONS loops fetching `url` back to back until `durationMs` is over; bounded in time. */
async function load(url: string, durationMs: number): Promise<Sample> {
  const latencies: number[] = []
  const started = performance.now()
  const deadline = started + durationMs
  let client = 0
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const ip = `10.0.0.${++client}` // sent as a header only, so each loop is a distinct reader
      while (performance.now() < deadline) {
        const t0 = performance.now()
        const response = await fetch(url, {
          headers: { 'User-Agent': USER_AGENT, 'CF-Connecting-IP': ip },
        })
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  return { requests: latencies.length, elapsedMs: performance.now() - started, latencies }
}

function summarize(samples: Sample[]) {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b)
  const requests = samples.reduce((n, s) => n + s.requests, 0)
  const seconds = samples.reduce((n, s) => n + s.elapsedMs, 0) / 1000
  return {
    rps: requests / seconds,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    requests,
  }
}

async function main() {
  const workers: Record<'on' | 'off', LocalWorker> = {
    on: await startLocalWorker({ demoContent: true, vars: { ANALYTICS_ENABLED: 'true' } }),
    off: await startLocalWorker({ demoContent: true, vars: { ANALYTICS_ENABLED: 'false' } }),
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
