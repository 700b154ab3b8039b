import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { useWorkerAndBrowser } from './chromium'

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
    await page.waitForFunction(() => 'htmx' in window)
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

  it('works as a plain form with JavaScript off, and the navigation fits a phone', async () => {
    const context = await session.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    })
    const page = await context.newPage()
    await page.goto(session.worker.url + '/')
    const navLinks = await page.$$('.site-nav a')
    assert.equal(navLinks.length, 5)
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
