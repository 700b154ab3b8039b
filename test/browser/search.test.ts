import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { htmxReady, useWorkerAndBrowser } from './chromium'

const session = useWorkerAndBrowser({ demoContent: true })

const resultLinks = (page: Page) =>
  page.$$eval('#search-results h2 a', (links) => links.map((a) => a.getAttribute('href')))

async function typeAndWaitFor(page: Page, query: string, href: string) {
  await page.fill('#search-q', '')
  await page.type('#search-q', query, { delay: 40 })
  await page.waitForFunction(
    ({ href, query }) =>
      document.querySelector(`#search-results a[href="${href}"]`) !== null &&
      new URL(location.href).searchParams.get('q') === query,
    { href, query },
    { timeout: 10_000 },
  )
}

describe('search in Chromium', () => {
  it('shows live results while typing, with or without accents, without reloading', async () => {
    const context = await session.browser.newContext({ viewport: { width: 412, height: 900 } })
    const page = await context.newPage()
    await page.goto(session.worker.url + '/search')
    await htmxReady(page)
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true))

    await typeAndWaitFor(page, 'cles', '/posts/les-cles-en-laiton')
    const withoutAccent = await resultLinks(page)
    await typeAndWaitFor(page, 'clés', '/posts/les-cles-en-laiton')
    assert.deepEqual(await resultLinks(page), withoutAccent)
    assert.match(await page.innerHTML('#search-results'), /<mark>clés<\/mark>/i)
    await typeAndWaitFor(page, 'hotel', '/posts/cafe-a-l-hotel')
    const count = await page.textContent('#search-count')
    assert.match(count ?? '', /\d+ results?/)
    assert.equal(await page.getAttribute('#search-count', 'role'), 'status')
    assert.equal(
      await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage),
      true,
      'results came without a page load',
    )
    await context.close()
  })

  it('never lets a slow, older answer replace a newer one', async () => {
    const context = await session.browser.newContext()
    const page = await context.newPage()
    // The answer for "cles" is held back until the newer one is on screen: it comes last for sure.
    let releaseSlow!: () => void
    const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve))
    await page.route(/\/search\?q=cles$/, async (route) => {
      await slowReleased
      await route.continue().catch(() => {}) // aborted by then: nothing to continue
    })
    await page.goto(session.worker.url + '/search')
    await htmxReady(page)
    await page.evaluate(() => {
      const state = window as unknown as { staleShown: boolean; finished: string[] }
      state.finished = []
      // htmx's last event for a request, whether it was swapped in, dropped or aborted.
      document.addEventListener('htmx:finally:request', (event) => {
        const { ctx } = (event as CustomEvent<{ ctx: { request: { action: string } } }>).detail
        state.finished.push(ctx.request.action)
      })
      state.staleShown = false
      new MutationObserver(() => {
        if (document.querySelector('#search-results a[href="/posts/les-cles-en-laiton"]'))
          state.staleShown = true
      }).observe(document.querySelector('#search-results')!, { childList: true, subtree: true })
    })
    const slowRequest = page.waitForRequest(/\/search\?q=cles$/)
    await page.type('#search-q', 'cles', { delay: 20 })
    await slowRequest // the debounced request for "cles" is on its way, and held
    await typeAndWaitFor(page, 'night porter', '/posts/designing-the-night-porter')
    releaseSlow()
    await page.waitForFunction(() =>
      (window as unknown as { finished: string[] }).finished.some((action) =>
        action.endsWith('?q=cles'),
      ),
    )
    const links = await resultLinks(page)
    assert.ok(links.includes('/posts/designing-the-night-porter'))
    assert.ok(!links.includes('/posts/les-cles-en-laiton'))
    const staleShown = await page.evaluate(
      () => (window as unknown as { staleShown: boolean }).staleShown,
    )
    assert.equal(staleShown, false, 'the slow answer for "cles" was never shown')
    await context.close()
  })

  it('works as a plain form with JavaScript off, and the navigation fits a phone', async () => {
    const context = await session.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    })
    const page = await context.newPage()
    await page.goto(session.worker.url + '/')
    const navLinks = await page.$$('.site-nav a')
    // The default header and the demo's À propos page, which its settings link there.
    assert.equal(navLinks.length, 6)
    assert.equal(await page.locator('.site-nav a[href="/a-propos"]').count(), 1)
    for (const link of navLinks) {
      const box = await link.boundingBox()
      assert.ok(box && box.x >= 0 && box.x + box.width <= 360, 'link inside the screen')
    }
    await page.click('.site-nav a[href="/search"]')
    await page.fill('#search-q', 'CLES')
    await Promise.all([page.waitForURL(/\/search\?q=CLES$/), page.press('#search-q', 'Enter')])
    assert.ok((await resultLinks(page)).includes('/posts/les-cles-en-laiton'))
    assert.equal(await page.inputValue('#search-q'), 'CLES')
    await context.close()
  })
})
