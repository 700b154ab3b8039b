import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useWorkerAndBrowser } from './chromium'

const session = useWorkerAndBrowser({ demoContent: true })

describe('a reader going back and reloading', () => {
  it('gets the page back without asking the Worker on Back, and revalidates it on reload', async () => {
    const context = await session.browser.newContext()
    const page = await context.newPage()
    // What Chromium itself says about each response for the home page: from its cache or not.
    const home: { status: number; fromCache: boolean }[] = []
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    cdp.on('Network.responseReceived', ({ response }) => {
      if (new URL(response.url).pathname === '/')
        home.push({ status: response.status, fromCache: Boolean(response.fromDiskCache) })
    })

    await page.goto(`${session.worker.url}/`)
    await page.locator('article.post-summary h2 a').first().click()
    await page.waitForURL(/\/posts\//)
    await page.goBack()
    await page.waitForURL(`${session.worker.url}/`)
    assert.ok((await page.locator('article.post-summary').count()) > 0)
    // `no-cache` lets history navigation reuse the stored page (`no-store` would not), unlike a
    // reload: the back/forward cache or the HTTP cache answers, never the Worker.
    assert.ok(
      home.slice(1).every((response) => response.fromCache),
      JSON.stringify(home),
    )

    // A reload asks the Worker again, with the page's ETag: fresh, and a 304 if nothing changed
    // (Chromium then reports the stored page as a 200).
    const reloaded = await page.reload()
    const asked = await reloaded!.request().allHeaders()
    assert.equal(asked['if-none-match'], await reloaded!.headerValue('etag'))
    assert.match(asked['if-none-match'], /^"[\w-]+"$/)
    assert.ok((await page.locator('article.post-summary').count()) > 0)
    await context.close()
  })
})
