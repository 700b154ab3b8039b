/**
 * Runs the bundled Worker in-process with Miniflare (the same workerd that `wrangler dev` uses),
 * on a fresh in-memory D1 with the migrations applied and, optionally, the demo content.
 * Browser tests and benchmarks share it.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Miniflare } from 'miniflare'
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler'
import { seedDemoContent } from '../../src/cli/seed-demo'
import { createDb } from '../../src/db/client'
import { shardCount, shardName } from '../../src/features/audience/shard-settings'

const root = path.resolve(import.meta.dirname, '../..')

/** Bundles `entry` (the Worker itself unless a test or benchmark wraps it) as a deploy would. */
function bundleWorker(entry: string | undefined, outdir: string) {
  const result = spawnSync(
    'npx',
    [
      '--no-install',
      'wrangler',
      'deploy',
      '--dry-run',
      '--outdir',
      outdir,
      ...(entry ? [entry] : []),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    },
  )
  if (result.status !== 0)
    throw new Error(`wrangler bundle failed:\n${result.stdout}\n${result.stderr}`)
}

export type LocalWorker = {
  url: string
  miniflare: Miniflare
  /** The audience counter's figures in D1 now, rather than at the shards' next alarm. */
  flushAudience: () => Promise<void>
  dispose: () => Promise<void>
}

export async function startLocalWorker(
  options: {
    demoContent?: boolean
    vars?: Record<string, string>
    entry?: string
    /**
     * D1 and the Durable Objects keep their files on tmpfs (removed on dispose). Locally every
     * SQLite commit holds workerd's one thread while the disk syncs, which a deployed Worker
     * never waits for: a benchmark of the Worker's own cost wants that out of the way.
     */
    tmpfsStorage?: boolean
  } = {},
): Promise<LocalWorker> {
  const outdir = path.join(
    root,
    'dist',
    options.entry ? `local-worker-${path.basename(options.entry, '.ts')}` : 'local-worker',
  )
  bundleWorker(options.entry, outdir)
  const storageDir = options.tmpfsStorage
    ? mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'edge-blog-'))
    : null
  const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(root, 'wrangler.toml'))
  const miniflare = new Miniflare({
    ...workerOptions,
    bindings: { ...workerOptions.bindings, ...options.vars },
    modules: true,
    scriptPath: path.join(
      outdir,
      options.entry ? `${path.basename(options.entry, '.ts')}.js` : 'index.js',
    ),
    modulesRoot: outdir,
    d1Persist: storageDir ? path.join(storageDir, 'd1') : false,
    ...(storageDir && { durableObjectsPersist: path.join(storageDir, 'durable-objects') }),
    host: '127.0.0.1',
    port: 0,
  } as ConstructorParameters<typeof Miniflare>[0])
  // "localhost", not 127.0.0.1: browsers accept the Secure admin cookie there over plain http.
  const url = (await miniflare.ready)
    .toString()
    .replace(/\/$/, '')
    .replace('127.0.0.1', 'localhost')

  const d1 = await miniflare.getD1Database('DB')
  const migrationsDir = path.join(root, 'migrations')
  for (const file of readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    for (const statement of unstable_splitSqlQuery(
      readFileSync(path.join(migrationsDir, file), 'utf8'),
    )) {
      await d1.prepare(statement).run()
    }
  }
  if (options.demoContent) await seedDemoContent(createDb(d1 as unknown as D1Database))
  const flushAudience = async () => {
    const namespace = await miniflare.getDurableObjectNamespace('AUDIENCE')
    const shards = shardCount(
      options.vars?.ANALYTICS_SHARDS ?? (workerOptions.bindings?.ANALYTICS_SHARDS as string),
    )
    await Promise.all(
      Array.from({ length: shards }, (_, i) => {
        const stub = namespace.get(namespace.idFromName(shardName(i))) as unknown as {
          flush: () => Promise<unknown>
        }
        return stub.flush()
      }),
    )
  }
  const dispose = async () => {
    await miniflare.dispose()
    if (storageDir) rmSync(storageDir, { recursive: true, force: true })
  }
  return { url, miniflare, flushAudience, dispose }
}
