/**
 * `npm start`: one command from a fresh clone to a local blog. Applies the migrations to the local
 * D1, adds the demo content to an empty database, makes a local AUTH_PEPPER and, when there is no
 * editor yet, a demo editor whose password is printed once; then runs `wrangler dev`.
 */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { createDb } from '../db/client'
import { countUsers, createUser } from '../features/auth'
import { generatePassword, hashPassword } from '../features/auth'
import { ensureLocalPepper } from './local-secrets'
import { seedDemoContent } from './seed-demo'

process.env.WRANGLER_SEND_METRICS ??= 'false'
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

function runOrExit(args: string[]) {
  const [command, commandArgs] = wrangler(args)
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

runOrExit([
  'd1',
  'migrations',
  'apply',
  'DB',
  '--local',
  ...(stateDir ? ['--persist-to', stateDir] : []),
])
const pepper = ensureLocalPepper()

const proxy = await getPlatformProxy<Env>({
  persist: stateDir ? { path: path.join(stateDir, 'v3') } : true,
})
try {
  const db = createDb(proxy.env.DB)
  const added = await seedDemoContent(db)
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
    console.log(`
  Admin: http://localhost:${port}/admin
    email:    ${DEMO_EDITOR_EMAIL}
    password: ${password}
  (shown only this once; invite editors from /admin/users, or add them with \`npm run editor:add\`;
  locked out? \`npm run editor:recover -- --email ${DEMO_EDITOR_EMAIL}\`; messages the blog
  sends are kept at http://localhost:${port}/admin/outbox)
`)
  }
} finally {
  await proxy.dispose()
}

const [command, commandArgs] = wrangler(['dev', '--port', port, ...process.argv.slice(2)])
const dev = spawn(command, commandArgs, { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))
