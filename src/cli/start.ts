/**
 * `npm start`: one command from a fresh clone to a local blog. Applies the migrations to the local
 * D1, adds the demo content to an empty database, makes a local AUTH_PEPPER and, when there is no
 * editor yet, a demo editor whose password is printed once; then runs `wrangler dev`. Wrangler's
 * output is kept short (its warnings and errors only) and, once the server answers, the address
 * and the login are printed last, in a box.
 */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { mkdirSync, writeFileSync } from 'node:fs'
import { getPlatformProxy, unstable_readConfig } from 'wrangler'
import { createDb } from '../db/client'
import { countUsers, createUser } from '../features/auth'
import { generatePassword, hashPassword } from '../features/auth'
import { ensureLocalPepper } from './local-secrets'
import { seedDemoContent } from './seed-demo'
import { migrationsSummary, startBanner, type StartLogin } from './start-banner'

process.env.WRANGLER_SEND_METRICS ??= 'false'
// Local pages need no Request.cf of this machine's own: no call to workers.cloudflare.com, and no
// warning with a stack trace when offline.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false'
const port = process.env.PORT ?? '8787'
const DEMO_EDITOR_EMAIL = 'editor@localhost'
const wrangler = (args: string[]) => ['npx', ['--no-install', 'wrangler', ...args]] as const

/** `npm start -- --persist-to <dir>` keeps the local data there rather than in .wrangler/state. */
function persistTo(args: string[]): string | undefined {
  const at = args.findIndex((arg) => arg === '--persist-to' || arg.startsWith('--persist-to='))
  if (at < 0) return undefined
  return args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1]
}
const stateDir = persistTo(process.argv.slice(2))

/** Applies the migrations, saying so in one line; wrangler's whole output only if it fails. */
function applyMigrations() {
  const [command, commandArgs] = wrangler([
    'd1',
    'migrations',
    'apply',
    'DB',
    '--local',
    ...(stateDir ? ['--persist-to', stateDir] : []),
  ])
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  if (result.status !== 0) {
    process.stderr.write(output)
    process.exit(result.status ?? 1)
  }
  console.log(migrationsSummary(output))
}

applyMigrations()
const pepper = ensureLocalPepper()

// Errors only from the local proxy (its notes about .dev.vars and Workflows are known), warnings
// and errors from `wrangler dev`; WRANGLER_LOG set by hand wins.
const userLogLevel = process.env.WRANGLER_LOG
process.env.WRANGLER_LOG = userLogLevel ?? 'error'

type D1Binding = { binding: string; database_name?: string; database_id?: string }
type R2Binding = { binding: string; bucket_name?: string }

/**
 * The seeding needs only the database and the media bucket: a config of just those, so the local
 * proxy, which runs no Worker code, does not warn that the Durable Object class is missing.
 */
function seedingConfig() {
  const config = unstable_readConfig({ config: 'wrangler.toml' })
  const file = path.resolve('.wrangler/seeding.wrangler.json')
  mkdirSync(path.dirname(file), { recursive: true })
  const seeding = {
    name: config.name,
    compatibility_date: config.compatibility_date,
    d1_databases: config.d1_databases.map(({ binding, database_name, database_id }: D1Binding) => ({
      binding,
      database_name,
      database_id,
    })),
    r2_buckets: config.r2_buckets.map(({ binding, bucket_name }: R2Binding) => ({
      binding,
      bucket_name,
    })),
  }
  writeFileSync(file, JSON.stringify(seeding, null, 2))
  return file
}

let login: StartLogin | null = null
const proxy = await getPlatformProxy<Env>({
  configPath: seedingConfig(),
  persist: { path: path.resolve(stateDir ? path.join(stateDir, 'v3') : '.wrangler/state/v3') },
})
try {
  const db = createDb(proxy.env.DB)
  const added = await seedDemoContent(db, Date.now(), proxy.env.MEDIA)
  console.log(
    added > 0 ? `Added ${added} demo posts.` : 'Existing posts kept; no demo content added.',
  )
  if ((await countUsers(db)) === 0) {
    const password = generatePassword()
    const passwordHash = await hashPassword(password, pepper)
    await createUser(db, {
      email: DEMO_EDITOR_EMAIL,
      name: 'Demo Editor',
      role: 'owner',
      passwordHash,
    })
    login = { email: DEMO_EDITOR_EMAIL, password }
  }
} finally {
  await proxy.dispose()
}

const extraArgs = process.argv.slice(2)
// Its key shortcuts (one clears the console) would print after the box.
const quietArgs = extraArgs.some((arg) => arg.startsWith('--show-interactive-dev-session'))
  ? []
  : ['--show-interactive-dev-session=false']
const [command, commandArgs] = wrangler(['dev', '--port', port, ...quietArgs, ...extraArgs])
const dev = spawn(command, commandArgs, {
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_LOG: userLogLevel ?? 'warn' },
})
let bannerShown = false
function showBanner(ready: boolean) {
  if (bannerShown) return
  bannerShown = true
  console.log(`\n${startBanner(port, login, ready)}\n`)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => {
  // The one-time password is never lost, even when the server stops before answering.
  if (login) showBanner(false)
  process.exit(code ?? 0)
})

/** Asks the server (HEAD, which the audience counter ignores) until it answers, for 2 minutes. */
async function serverAnswers(): Promise<boolean> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline && dev.exitCode === null) {
    try {
      await fetch(`http://localhost:${port}/`, {
        method: 'HEAD',
        signal: AbortSignal.timeout(2_000),
      })
      return true
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
  }
  return false
}

const ready = await serverAnswers()
if (dev.exitCode === null) showBanner(ready)
