/**
 * The command-line scripts run in Node, not in workerd: they load features through the same
 * public index files as the Worker, so a runtime-only import (`cloudflare:workers`) reaching them
 * breaks `npm run import` and `npm run export` while every workerd test passes.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'

const root = path.resolve(import.meta.dirname, '../..')
const SAMPLE = path.join(
  root,
  'test/features/import-export/import/fixtures/wordpress-export-sample.xml',
)

function cli(script: string, args: string[]) {
  return spawnSync('npx', ['--no-install', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  })
}

test('npm run import: a dry run of a WordPress export reports what it would import', () => {
  const result = cli('import', [SAMPLE, '--dry-run', '--no-images'])
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`)
  assert.match(result.stdout, /Dry run/i)
  assert.match(result.stdout, /Café à l’hôtel/)
})

test('npm run export: writes the blog as one zip archive', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'edge-blog-export-'))
  try {
    const result = cli('export', [dir])
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`)
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.endsWith('.zip')).length,
      1,
      result.stdout,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
