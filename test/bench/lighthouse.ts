/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (mobile, its default simulated throttling) on the home
 * page of the bundled Worker with the demo content, RUNS times; prints each run and the median.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startLocalWorker } from '../support/local-worker'

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3)
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking'

type Audit = {
  numericValue: number
  details?: { items?: { url?: string; total?: number; groupLabel?: string; duration?: number }[] }
}
type Report = {
  categories: { performance: { score: number } }
  audits: Record<string, Audit>
}

function runLighthouse(url: string): Report {
  const dir = mkdtempSync(path.join(tmpdir(), 'lighthouse-'))
  try {
    const output = path.join(dir, 'report.json')
    const result = spawnSync(
      'npx',
      [
        '--no-install',
        'lighthouse',
        url,
        '--only-categories=performance',
        '--output=json',
        `--output-path=${output}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        '--quiet',
      ],
      { encoding: 'utf8', env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
    )
    if (result.status !== 0) throw new Error(`lighthouse failed:\n${result.stderr}`)
    return JSON.parse(readFileSync(output, 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const worker = await startLocalWorker({ demoContent: true })
try {
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const report = runLighthouse(`${worker.url}/`)
    const run = {
      performance: Math.round(report.categories.performance.score * 100),
      lcp: report.audits['largest-contentful-paint'].numericValue,
      tbt: report.audits['total-blocking-time'].numericValue,
      fcp: report.audits['first-contentful-paint'].numericValue,
      cls: report.audits['cumulative-layout-shift'].numericValue,
    }
    runs.push(run)
    const work = report.audits['mainthread-work-breakdown'].details?.items ?? []
    const scripts = report.audits['bootup-time'].details?.items ?? []
    console.log(
      `  main thread: ${work.map((w) => `${w.groupLabel} ${w.duration?.toFixed(0)} ms`).join(', ')}`,
    )
    console.log(
      `  scripts: ${scripts.map((s) => `${s.url?.replace(worker.url, '')} ${s.total?.toFixed(0)} ms`).join(', ')}`,
    )
    console.log(
      `run ${i + 1}: performance ${run.performance}, LCP ${run.lcp.toFixed(0)} ms, TBT ${run.tbt.toFixed(0)} ms, FCP ${run.fcp.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}`,
    )
  }
  const median = [...runs].sort((a, b) => a.performance - b.performance)[
    Math.floor(runs.length / 2)
  ]
  console.log(
    `median: performance ${median.performance}, LCP ${median.lcp.toFixed(0)} ms, TBT ${median.tbt.toFixed(0)} ms`,
  )
} finally {
  await worker.dispose()
}
