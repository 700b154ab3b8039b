import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { htmxReady, useWorkerAndBrowser } from './chromium'
import { waitUntil } from './wait-until'

const session = useWorkerAndBrowser({ demoContent: true })

describe('a reader in Chromium', () => {
  it('leaves no cookie and no storage, and talks to no other origin, while being counted', async () => {
    // Headless Chromium names itself in its User-Agent and would be filtered as a bot.
    const probe = await session.browser.newPage()
    const headlessUserAgent = await probe.evaluate(() => navigator.userAgent)
    await probe.close()
    const context = await session.browser.newContext({
      userAgent: headlessUserAgent.replace('HeadlessChrome', 'Chrome'),
    })
    const page = await context.newPage()
    const origins = new Set<string>()
    page.on('request', (request) => origins.add(new URL(request.url()).origin))

    await page.goto(`${session.worker.url}/`)
    await htmxReady(page)
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await page.waitForFunction(() => document.querySelectorAll('article.post-summary').length >= 20)
    await page.locator('article.post-summary h2 a').first().click()
    await page.waitForURL(/\/posts\//)

    assert.deepEqual(await context.cookies(), [])
    const storage = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      indexedDb: (await indexedDB.databases()).length,
    }))
    assert.deepEqual(storage, { local: 0, session: 0, indexedDb: 0 })
    assert.deepEqual([...origins], [session.worker.url])

    // The visit was counted all the same, inside the Worker, just after each answer was sent; the
    // shards add it to D1 at their next flush, asked for at once here.
    const db = await session.worker.miniflare.getD1Database('DB')
    const countedRows = async () => {
      await session.worker.flushAudience()
      const counted = await db
        .prepare(
          "SELECT metric, key, count FROM audience_daily_counts WHERE metric IN ('page', 'more') ORDER BY metric, key",
        )
        .all<{ metric: string; key: string; count: number }>()
      return counted.results.map((row) => `${row.metric} ${row.key} ${row.count}`)
    }
    let rows: string[] = []
    await waitUntil('the three visits to be counted', async () => {
      rows = await countedRows()
      return (
        rows.includes('page / 1') &&
        rows.includes('more / 1') &&
        rows.some((row) => row.startsWith('page /posts/'))
      )
    }).catch(() => {}) // the assertions below say which one is missing
    assert.ok(rows.includes('page / 1'), rows.join('; '))
    assert.ok(rows.includes('more / 1'), rows.join('; '))
    assert.ok(
      rows.some((row) => row.startsWith('page /posts/')),
      rows.join('; '),
    )
    await context.close()
  })
})
