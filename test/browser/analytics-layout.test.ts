import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addOwner, logIn, PEPPER } from './admin-support'
import { useWorkerAndBrowser } from './chromium'

const session = useWorkerAndBrowser({ demoContent: true, vars: { AUTH_PEPPER: PEPPER } }, addOwner)

describe('the audience dashboard on a desktop screen', () => {
  for (const width of [1280, 1600]) {
    it(`keeps every column header and count on one line at ${width} px`, async () => {
      const { browser, worker } = session
      const d1 = await worker.miniflare.getD1Database('DB')
      const today = new Date().toISOString().slice(0, 10)
      const insert = d1.prepare(
        'INSERT OR REPLACE INTO audience_daily_counts (day, metric, key, count) VALUES (?, ?, ?, ?)',
      )
      await d1.batch([
        insert.bind(today, 'page', '/posts/a-rather-long-address-for-a-post', 123456),
        insert.bind(today, 'referrer', 'news.example.org', 4321),
        insert.bind(today, 'country', 'FR', 999),
        insert.bind(today, 'device', 'desktop', 1000),
      ])
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      await logIn(context, worker.url)
      const page = await context.newPage()
      await page.goto(`${worker.url}/admin/analytics`)
      await page.click('details summary')
      const broken = await page.$$eval('.analytics th[scope=col], .ranked td.number', (cells) =>
        cells
          .map((cell) => {
            const style = getComputedStyle(cell)
            const content = document.createRange()
            content.selectNodeContents(cell)
            // One line of text has one box; wrapped text has one per line.
            const lines = new Set(
              Array.from(content.getClientRects()).map((rect) => Math.round(rect.top)),
            ).size
            const inner =
              cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
            return {
              text: cell.textContent!.trim(),
              lines,
              fits: content.getBoundingClientRect().width <= inner + 1,
            }
          })
          .filter((found) => found.lines > 1 || !found.fits),
      )
      assert.ok(
        (await page.$$eval('.ranked th[scope=col]', (headers) => headers.length)) >= 8,
        'the four ranked tables are shown',
      )
      assert.deepEqual(broken, [])
      await context.close()
    })
  }
})
