/**
 * `npm run bench:sign-in` (part of `npm run bench`): the CPU time one sign-in costs the Worker,
 * with a password (PBKDF2-SHA-256, 100,000 iterations) and with a passkey (two requests: the
 * options, then the signed answer, checked by @simplewebauthn/server), in local workerd.
 *
 * workerd's clocks stand still while a request computes, so the Worker cannot time itself: the
 * bench reads the workerd process's own CPU time (/proc/<pid>/stat, user + system) around a run
 * of identical requests, and subtracts the cost of a trivial admin request (a redirect), which
 * carries the local HTTP and D1 overhead production does not bill to the Worker.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { startLocalWorker } from '../support/local-worker'
import { createDb } from '../../src/db/client'
import { createUser } from '../../src/features/auth/users'
import { hashPassword } from '../../src/features/auth/password'
import { SoftAuthenticator } from '../support/soft-authenticator'
import { workerdPid } from '../support/workerd-process'

const PEPPER = 'bench-pepper'
const EMAIL = 'bench@blog.example'
const PASSWORD = 'a long enough bench password'
const RUNS = Number(process.env.SIGN_IN_RUNS ?? 100)
type Assertion = Awaited<ReturnType<SoftAuthenticator['assert']>>
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }))

function cpuMs(pid: number) {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

async function cpuPerRequest(pid: number, send: (i: number) => Promise<void>) {
  const before = cpuMs(pid)
  for (let i = 0; i < RUNS; i++) await send(i)
  return (cpuMs(pid) - before) / RUNS
}

const worker = await startLocalWorker({ vars: { AUTH_PEPPER: PEPPER } })
try {
  const { url } = worker
  const origin = url
  const rp = { origin, rpId: new URL(url).hostname }
  const db = createDb((await worker.miniflare.getD1Database('DB')) as unknown as D1Database)
  await createUser(db, {
    email: EMAIL,
    name: 'Bench',
    role: 'owner',
    passwordHash: await hashPassword(PASSWORD, PEPPER),
  })
  const pid = workerdPid()

  const passwordLogIn = async () => {
    const response = await fetch(`${url}/admin/login`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: EMAIL, password: PASSWORD, next: '/admin/posts' }),
      redirect: 'manual',
    })
    if (response.status !== 303) throw new Error(`password sign-in: ${response.status}`)
    return /__Host-session=([^;]+)/.exec(response.headers.get('Set-Cookie') ?? '')![1]
  }
  const postJson = async (path: string, body: unknown, cookie?: string) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        Origin: origin,
        'Content-Type': 'application/json',
        ...(cookie ? { Cookie: `__Host-session=${cookie}` } : {}),
      },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path}: ${response.status}`)
    // Options carry these two; other answers are not read.
    return response.json() as Promise<{ challenge: string; user: { id: string } }>
  }

  // One passkey, registered as the account page would.
  const authenticator = await SoftAuthenticator.create()
  const cookie = await passwordLogIn()
  const creation = await postJson('/admin/account/passkeys/options', {}, cookie)
  await postJson(
    '/admin/account/passkeys',
    { name: 'Bench key', response: await authenticator.register(creation, rp) },
    cookie,
  )

  // Warm-up: the isolate compiles the code paths once.
  for (let i = 0; i < 5; i++) {
    await passwordLogIn()
    const options = await postJson('/admin/passkey/options', {})
    await postJson('/admin/passkey/sign-in', {
      next: '/admin/posts',
      response: await authenticator.assert(options, rp),
    })
  }

  const baseline = await cpuPerRequest(pid, async () => {
    await fetch(`${url}/admin/login`, { redirect: 'manual' })
  })
  const password = await cpuPerRequest(pid, async () => {
    await passwordLogIn()
  })
  const challenges: { challenge: string }[] = []
  const options = await cpuPerRequest(pid, async () => {
    challenges.push(await postJson('/admin/passkey/options', {}))
  })
  // Signed outside the measured run: the authenticator's work is the browser's, not the Worker's.
  const answers: Assertion[] = []
  for (const challenge of challenges) answers.push(await authenticator.assert(challenge, rp))
  const verify = await cpuPerRequest(pid, async (i) => {
    await postJson('/admin/passkey/sign-in', { next: '/admin/posts', response: answers[i] })
  })

  // The same request, refused before any signature check: parsing, the challenge's DELETE and
  // the credential lookup, without the verification, the session and the audit entry.
  const strangers: Assertion[] = []
  for (let i = 0; i < RUNS; i++) {
    const challenge = await postJson('/admin/passkey/options', {})
    strangers.push(await (await SoftAuthenticator.create()).assert(challenge, rp))
  }
  const refused = await cpuPerRequest(pid, async (i) => {
    await fetch(`${url}/admin/passkey/sign-in`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ next: '/admin/posts', response: strangers[i] }),
    })
  })

  const net = (ms: number) => Math.max(0, ms - baseline)
  const row = (label: string, ms: number) =>
    console.log(
      `${label.padEnd(44)} ${ms.toFixed(2).padStart(7)} ms   net ${net(ms).toFixed(2).padStart(7)} ms`,
    )
  console.log(
    `\nCPU time per request in workerd (${RUNS} runs each; net = minus a trivial request)`,
  )
  row('trivial admin request (GET /admin/login)', baseline)
  row('password sign-in (POST /admin/login)', password)
  row('passkey options (POST /admin/passkey/options)', options)
  row('passkey sign-in (POST /admin/passkey/sign-in)', verify)
  row('  the same, unknown credential (no crypto)', refused)
  console.log(
    `passkey sign-in, both requests: net ${(net(options) + net(verify)).toFixed(2)} ms; free plan: 10 ms CPU per request`,
  )
} finally {
  await worker.dispose()
}
