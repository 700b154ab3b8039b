import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { addOwner, logIn, PEPPER } from './admin-support'
import { htmxReady, useWorkerAndBrowser } from './chromium'

const session = useWorkerAndBrowser({ demoContent: true, vars: { AUTH_PEPPER: PEPPER } }, addOwner)

const PHONE = { viewport: { width: 390, height: 844 } }
const TEXT = 'Written in Chromium, with *htmx* on.'

/** The form refuses what is sent within seconds of its rendering: wait until its token allows. */
async function formOldEnough(page: Page) {
  const token = await page.getAttribute('#comment-form input[name=token]', 'value')
  const renderedAt = Number(token!.split('.')[0]) * 1000
  await page.waitForFunction((at) => Date.now() > at + 3_500, renderedAt, { timeout: 10_000 })
}

describe('comments in Chromium at 390 px', () => {
  it('a reader writes a comment with htmx, an editor approves it, and it shows on the post', async () => {
    const { browser, worker } = session
    const reader = await browser.newContext(PHONE)
    const page = await reader.newPage()
    const foreign: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(worker.url)) foreign.push(request.url())
    })
    await page.goto(`${worker.url}/`)
    const post = await page.getAttribute('article.post-summary h2 a', 'href')
    await page.goto(`${worker.url}${post}`)
    await htmxReady(page)
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true))

    await page.getByLabel('Name').fill('Chromium Reader')
    await page.getByLabel('Comment', { exact: true }).fill(TEXT)
    await formOldEnough(page)
    await page.getByRole('button', { name: 'Post comment' }).click()
    const notice = page.locator('#comment-form .comment-notice')
    await notice.waitFor({ timeout: 10_000 })
    assert.match((await notice.textContent()) ?? '', /moderation/)
    // Swapped in place by htmx: the same document, no navigation.
    assert.equal(
      await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage),
      true,
    )
    assert.equal(await page.inputValue('#comment-name'), '')
    assert.deepEqual(await reader.cookies(), [])
    assert.deepEqual(foreign, [])

    const editor = await browser.newContext(PHONE)
    await logIn(editor, worker.url)
    const admin = await editor.newPage()
    await admin.goto(`${worker.url}/admin/comments`)
    const entry = admin.locator('li.admin-comment', { hasText: 'Chromium Reader' })
    assert.match((await entry.textContent()) ?? '', /Written in Chromium, with htmx on\./)
    await Promise.all([
      admin.waitForURL(/\/admin\/comments\?status=pending&done=done/),
      entry.getByRole('button', { name: 'Approve' }).click(),
    ])
    assert.equal(await admin.locator('li.admin-comment', { hasText: 'Chromium Reader' }).count(), 0)

    await page.goto(`${worker.url}${post}`)
    const shown = page.locator('#comments li.comment', { hasText: 'Chromium Reader' })
    await shown.waitFor()
    assert.equal(await shown.locator('.comment-body em').textContent(), 'htmx')
    assert.deepEqual(await reader.cookies(), [])
    await reader.close()
    await editor.close()
  })
})
