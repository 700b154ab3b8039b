/**
 * `npm run bench:load`: the home page of the bundled Worker in local workerd (Miniflare), with
 * the demo content, under 20 connections for 60 seconds. Prints requests, errors (non-2xx and
 * failed requests, target: zero), requests per second and latency percentiles.
 */
import { startLocalWorker } from '../support/local-worker'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 60_000)
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

const worker = await startLocalWorker({ demoContent: true })
try {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  let failures = 0
  const started = performance.now()
  const deadline = started + DURATION_MS
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, n) => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        try {
          const response = await fetch(`${worker.url}/`, {
            headers: { 'User-Agent': USER_AGENT, 'CF-Connecting-IP': `10.1.0.${n + 1}` },
          })
          await response.arrayBuffer()
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        } catch {
          failures++
        }
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const sorted = latencies.sort((x, y) => x - y)
  const non2xx = [...statuses].filter(([status]) => status < 200 || status > 299)
  const errors = failures + non2xx.reduce((total, [, count]) => total + count, 0)
  console.log(`home page, ${CONNECTIONS} connections, ${seconds.toFixed(1)} s`)
  console.log(`requests: ${latencies.length} (${(latencies.length / seconds).toFixed(0)}/s)`)
  console.log(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}, failed: ${failures}`)
  console.log(
    `latency ms: p50 ${percentile(sorted, 50).toFixed(1)}, p90 ${percentile(sorted, 90).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)}`,
  )
  console.log(`errors: ${errors}`)
  process.exitCode = errors === 0 ? 0 : 1
} finally {
  await worker.dispose()
}
