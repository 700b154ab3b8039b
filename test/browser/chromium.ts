import { after, before } from 'node:test'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startLocalWorker, type LocalWorker } from '../support/local-worker'
import { startNpmStart, type NpmStart } from '../support/npm-start'

/** Debian's chromium, started as this machine allows: no sandbox as root, no background traffic. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS })
}

/**
 * A bundled Worker and a Chromium for one test file: started before its tests, closed after.
 * Read `worker` and `browser` inside tests, once `before` has run.
 */
export function useWorkerAndBrowser(
  options: Parameters<typeof startLocalWorker>[0],
  prepare?: (worker: LocalWorker) => Promise<void>,
) {
  const session = {} as { worker: LocalWorker; browser: Browser }
  before(async () => {
    session.worker = await startLocalWorker(options)
    await prepare?.(session.worker)
    session.browser = await launchChromium()
  })
  after(async () => {
    await session.browser?.close()
    await session.worker?.dispose()
  })
  return session
}

/** The real `npm start` (in a copy of the project) and a Chromium for one test file, as above. */
export function useNpmStartAndBrowser(vars: Record<string, string> = {}) {
  const session = {} as { blog: NpmStart; browser: Browser }
  before(async () => {
    session.blog = await startNpmStart(vars)
    session.browser = await launchChromium()
  })
  after(async () => {
    await session.browser?.close()
    await session.blog?.stop()
  })
  return session
}

/**
 * Waits until htmx has taken over the reader page: it is fetched after the first paint, and sets
 * `data-htmx-powered` on each element it has wired up (a Load More link, the search field).
 */
export function htmxReady(page: Page) {
  return page.waitForFunction(() => document.querySelector('[data-htmx-powered]') !== null)
}
