/** Closed-loop HTTP load for the benchmarks: CONNECTIONS loops fetching back to back. */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
export const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 4000)
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
export const WARMUP_MS = 1500
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

export type Sample = { requests: number; elapsedMs: number; latencies: number[] }

/** A fixed address, or one made afresh for each request (a random query, a random path). */
export type Address = string | (() => string)

/** What a request sends besides its address, and the status every answer must have. */
export type RequestShape = { method?: string; status?: number }

/** Fetches `url` from CONNECTIONS loops until `durationMs` is over; bounded in time. */
export async function load(
  url: Address,
  durationMs: number,
  headers: Record<string, string> = {},
  { method = 'GET', status = 200 }: RequestShape = {},
): Promise<Sample> {
  const latencies: number[] = []
  const started = performance.now()
  const deadline = started + durationMs
  let client = 0
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const ip = `10.0.0.${++client}` // sent as a header only, so each loop is a distinct reader
      while (performance.now() < deadline) {
        const t0 = performance.now()
        const address = typeof url === 'string' ? url : url()
        const response = await fetch(address, {
          method,
          headers: { 'User-Agent': USER_AGENT, 'CF-Connecting-IP': ip, ...headers },
        })
        await response.arrayBuffer()
        if (response.status !== status) throw new Error(`HTTP ${response.status} for ${address}`)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  return { requests: latencies.length, elapsedMs: performance.now() - started, latencies }
}

export type Summary = { rps: number; p50: number; p99: number; requests: number }

export function summarize(samples: Sample[]): Summary {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b)
  const requests = samples.reduce((n, s) => n + s.requests, 0)
  const seconds = samples.reduce((n, s) => n + s.elapsedMs, 0) / 1000
  const at = (q: number) => latencies[Math.floor(latencies.length * q)] ?? 0
  return { rps: requests / seconds, p50: at(0.5), p99: at(0.99), requests }
}

export type Target = {
  name: string
  url: Address
  headers?: Record<string, string>
} & RequestShape

/** Every target once to warm up, then ROUNDS rounds, each in a rotated order. */
export async function measure(targets: Target[], roundMs = ROUND_MS, rounds = ROUNDS) {
  for (const target of targets) await load(target.url, WARMUP_MS, target.headers, target)
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]))
  for (let round = 0; round < rounds; round++) {
    const order = [
      ...targets.slice(round % targets.length),
      ...targets.slice(0, round % targets.length),
    ]
    for (const target of order)
      samples.get(target.name)!.push(await load(target.url, roundMs, target.headers, target))
  }
  return new Map([...samples].map(([name, s]) => [name, summarize(s)]))
}

export function formatRow(name: string, r: Summary) {
  return `${name.padEnd(30)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   (${r.requests})`
}
