/**
 * `npm start`: one command from a fresh clone to a local blog with demo posts. Applies the
 * migrations to the local D1, adds the demo content to an empty database, then runs `wrangler dev`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { getPlatformProxy } from 'wrangler'
import { createDb } from '../db/client'
import { seedDemoContent } from './seed-demo'

const wrangler = (args: string[]) => ['npx', ['--no-install', 'wrangler', ...args]] as const
process.env.WRANGLER_SEND_METRICS ??= 'false'

function runOrExit(args: string[]) {
  const [command, commandArgs] = wrangler(args)
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

runOrExit(['d1', 'migrations', 'apply', 'DB', '--local'])

const proxy = await getPlatformProxy<Env>({ persist: true })
try {
  const added = await seedDemoContent(createDb(proxy.env.DB))
  console.log(
    added > 0 ? `Added ${added} demo posts.` : 'Existing posts kept; no demo content added.',
  )
} finally {
  await proxy.dispose()
}

const [command, commandArgs] = wrangler([
  'dev',
  '--port',
  process.env.PORT ?? '8787',
  ...process.argv.slice(2),
])
const dev = spawn(command, commandArgs, { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))
