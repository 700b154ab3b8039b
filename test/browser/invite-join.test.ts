/**
 * End to end against the real `npm start` (migrations, demo owner, `wrangler dev`), on its own
 * data directory and port: the owner invites someone from /admin/users, the invitation is read
 * from /admin/outbox as the raw message, and the invitee joins with its link. Then the owner, as
 * if locked out, gets a recovery link from `npm run editor:recover` and uses it.
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchChromium } from './chromium'

const root = path.resolve(import.meta.dirname, '../..')
const STARTUP_MS = 180_000

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Quoted-printable soft breaks and escapes undone, to read a link out of a raw message. */
function decodeQuotedPrintable(text: string) {
  const bytes = text
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)))
}

let server: ChildProcess
let output = ''
let url = ''
let stateDir = ''
let browser: Browser

/** Resolves once the server's output matches `pattern`; fails if it exits first. */
function waitForOutput(pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start said:\n${output}`)), STARTUP_MS)
    const check = () => {
      const match = pattern.exec(output)
      if (!match) return
      clearTimeout(timer)
      server.stdout!.off('data', check)
      resolve(match)
    }
    server.stdout!.on('data', check)
    server.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)))
    check()
  })
}

before(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'edge-blog-start-'))
  const port = await freePort()
  url = `http://localhost:${port}`
  server = spawn('npm', ['start', '--', '--persist-to', stateDir], {
    cwd: root,
    env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: 'false' },
    // Its own process group, so that `wrangler dev` and workerd stop with it.
    detached: true,
  })
  server.stdout!.on('data', (chunk) => (output += chunk))
  server.stderr!.on('data', (chunk) => (output += chunk))
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    process.kill(-server.pid, 'SIGTERM')
    await exited
  }
  rmSync(stateDir, { recursive: true, force: true })
})

describe('npm start: invite, read the outbox, join', () => {
  it('lets the demo owner invite an editor who joins with the link from the outbox', async () => {
    const [, password] = await waitForOutput(/Password:\s+(\S+)/)
    await waitForOutput(/The blog is running/)

    const owner = await browser.newContext()
    const page = await owner.newPage()
    await page.goto(`${url}/admin`)
    await page.fill('input[name=email]', 'editor@localhost')
    await page.fill('input[name=password]', password)
    await Promise.all([page.waitForURL(/\/admin\/posts/), page.click('button[type=submit]')])

    await page.goto(`${url}/admin/users`)
    const invite = page.locator('form[action="/admin/users/invitations"]')
    await invite.locator('input[name=email]').fill('margot@example.org')
    await invite.locator('select[name=role]').selectOption('editor')
    await Promise.all([page.waitForLoadState(), invite.locator('button[type=submit]').click()])
    assert.match(await page.locator('.handed-link').innerText(), /margot@example\.org/)

    await page.goto(`${url}/admin/outbox`)
    const latest = page.locator('table.admin-outbox tbody tr').first()
    assert.match(await latest.innerText(), /margot@example\.org/)
    const eml = await latest.locator('a[href$=".eml"]').getAttribute('href')
    const message = await page.request.get(`${url}${eml}`)
    assert.equal(message.headers()['content-type'], 'message/rfc822')
    const raw = await message.text()
    assert.match(raw, /\r\nTo: margot@example\.org\r\n/)
    const link = /http:\/\/localhost:\d+\/admin\/join\/[A-Za-z0-9_-]{43}/.exec(
      decodeQuotedPrintable(raw),
    )?.[0]
    assert.ok(link, raw)

    const invitee = await browser.newContext()
    const joining = await invitee.newPage()
    await joining.goto(link)
    await joining.fill('input[name=name]', 'Margot')
    await joining.fill('input[name=password]', 'margot chose this passphrase')
    await joining.fill('input[name=repeatPassword]', 'margot chose this passphrase')
    await Promise.all([
      joining.waitForURL(/\/admin\/posts$/),
      joining.click('form button[type=submit]'),
    ])
    assert.match(await joining.locator('nav.admin-nav').innerText(), /Log out \(Margot\)/)

    // The link worked once.
    await joining.goto(link)
    assert.match(await joining.locator('h1').innerText(), /already been used/)
    await invitee.close()
    await owner.close()
  })

  it('prints a recovery link for the owner with npm run editor:recover', async () => {
    const recover = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'editor:recover',
        '--',
        '--email',
        'editor@localhost',
        '--persist-to',
        stateDir,
        '--url',
        url,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
    )
    assert.equal(recover.status, 0, recover.stderr)
    const link = /http:\/\/localhost:\d+\/admin\/recover\/[A-Za-z0-9_-]{43}/.exec(
      recover.stdout,
    )?.[0]
    assert.ok(link, recover.stdout)

    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(link)
    await page.fill('input[name=password]', 'the owner is back in again')
    await page.fill('input[name=repeatPassword]', 'the owner is back in again')
    await Promise.all([page.waitForURL(/\/admin\/posts$/), page.click('form button[type=submit]')])
    assert.match(await page.locator('nav.admin-nav').innerText(), /Log out \(Demo Editor\)/)
    await context.close()
  })
})
