import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import { logInAsEditor, useWorkerWithEditor } from './editor-fixture'

const session = useWorkerWithEditor()

describe('an editor in Chromium', () => {
  it('logs in, writes a post with the live preview, publishes it, and finds it first on the home page', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const page = await context.newPage()
    await page.goto(`${session.worker.url}/admin/posts/new`)
    assert.match(page.url(), /\/admin\?next=/)
    await logInAsEditor(page, /\/admin\/posts\/new$/)
    await page.waitForFunction(() => 'htmx' in window)

    // The Markdown source, behind the visual editor's Markdown button.
    await page.getByRole('button', { name: 'Markdown', exact: true }).click()
    await page.fill('input[name=title]', 'Le goût du « fait maison »')
    await page
      .locator('#markdown')
      .pressSequentially('## Une idée\n\nDu *pain* et du **beurre**.', { delay: 5 })
    await page.waitForSelector('#preview h2')
    assert.equal(await page.textContent('#preview h2'), 'Une idée')
    assert.equal(await page.innerHTML('#preview em'), 'pain')

    await page.check('input[name=status][value=published]')
    await page.selectOption('select[name=language]', 'fr')
    await Promise.all([
      page.waitForURL(/\/admin\/posts\/\d+\?saved=1$/),
      page.click('form.post-form > .form-actions button[type=submit]'),
    ])
    assert.match((await page.textContent('.notice')) ?? '', /Published: the post is live/)
    assert.equal(await page.getAttribute('.post-link a', 'href'), '/posts/le-gout-du-fait-maison')

    await page.goto(`${session.worker.url}/`)
    const first = page.locator('article.post-summary').first()
    assert.equal(await first.locator('h2').textContent(), 'Le goût du «\u202ffait maison\u202f»')
    assert.equal(await first.getAttribute('lang'), 'fr')
    await first.locator('h2 a').click()
    await page.waitForURL(/\/posts\/le-gout-du-fait-maison$/)
    assert.equal(await page.innerHTML('.post-body em'), 'pain')
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/admin-published-post.png' })

    // The reader's page set no cookie of its own; only the admin's session, its D1 bookmark and
    // the signed-in browser's known-device marker (all set by admin responses) exist.
    const cookies = await context.cookies()
    assert.deepEqual(cookies.map((cookie) => cookie.name).sort(), [
      '__Host-d1-bookmark',
      '__Host-device',
      '__Host-session',
    ])
    await context.close()
  })
})
