/**
 * The blog as `npm start` runs it (migrations, demo content, demo owner, then `wrangler dev`), in
 * a copy of the project in a temporary directory on a free port: its local state and `.dev.vars`
 * stay out of the working tree and clash with no other `npm start`.
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const PROJECT_FILES = [
  'package.json',
  'wrangler.toml',
  'tsconfig.json',
  'src',
  'migrations',
  'static',
]
/** Migrations, demo content and wrangler's first build take about half a minute here. */
const START_DEADLINE_MS = 180_000

export type NpmStart = {
  url: string
  /** The demo owner `npm start` creates and prints once. */
  email: string
  password: string
  output: () => string
  stop: () => Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error()),
      )
    })
  })
}

/** `vars` go into the copy's `.dev.vars`, as an operator would set them on their machine. */
export async function startNpmStart(vars: Record<string, string> = {}): Promise<NpmStart> {
  const dir = mkdtempSync(path.join(tmpdir(), 'edge-blog-npm-start-'))
  for (const name of PROJECT_FILES)
    cpSync(path.join(root, name), path.join(dir, name), { recursive: true })
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  const devVars = Object.entries(vars).map(([name, value]) => `${name}="${value}"\n`)
  if (devVars.length > 0) writeFileSync(path.join(dir, '.dev.vars'), devVars.join(''))
  const port = await freePort()
  // Its own process group, so stopping it stops wrangler and workerd too.
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: 'false' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let running = true
  void exited.then(() => (running = false))

  const stop = async () => {
    if (running) {
      process.kill(-child.pid!, 'SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }

  const url = `http://localhost:${port}`
  const deadline = Date.now() + START_DEADLINE_MS
  try {
    for (;;) {
      if (!running) throw new Error(`npm start exited:\n${output}`)
      if (Date.now() > deadline)
        throw new Error(`npm start did not answer or printed no demo owner:\n${output}`)
      // The login box is printed after the server first answers, so both are awaited.
      const answered = await fetch(`http://127.0.0.1:${port}/`).then(
        (response) => response.ok,
        () => false,
      )
      const email = /Email:\s+(\S+)/.exec(output)?.[1]
      const password = /Password:\s+(\S+)/.exec(output)?.[1]
      if (answered && email && password) return { url, email, password, output: () => output, stop }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  } catch (error) {
    await stop()
    throw error
  }
}
