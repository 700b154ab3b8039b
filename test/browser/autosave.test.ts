import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addOwner, logIn, PEPPER } from './admin-support'
import { useWorkerAndBrowser } from './chromium'

const session = useWorkerAndBrowser({ demoContent: true, vars: { AUTH_PEPPER: PEPPER } }, addOwner)

describe('autosave in Chromium', () => {
  it('keeps what was typed in a new post after the tab is closed without saving', async () => {
    const { browser, worker } = session
    const context = await browser.newContext()
    await logIn(context, worker.url)
    const page = await context.newPage()
    await page.goto(`${worker.url}/admin/posts/new`)
    // The Markdown source, behind the visual editor's Markdown button.
    await page.getByRole('button', { name: 'Markdown', exact: true }).click()
    await page.fill('input[name=title]', 'Notes from the market')
    await page.locator('#markdown').pressSequentially('Leeks, "new" potatoes -- and bread.', {
      delay: 10,
    })
    // The preview says only that it changed; the excerpt shown follows the first paragraph.
    await page.waitForSelector('.excerpt-generated:has-text("Leeks")')
    assert.equal(await page.textContent('#preview-status'), 'Preview updated')
    assert.equal(await page.getAttribute('#preview', 'aria-live'), null)
    // Typing pauses, the draft is saved, and the address becomes the post's own.
    await page.waitForURL(/\/admin\/posts\/\d+$/, { timeout: 10_000 })
    await page.waitForSelector('#autosave-status:has-text("saved automatically")')
    const address = page.url()

    // More typing, then the tab is closed once that is autosaved too, before any submit.
    await page.evaluate(() =>
      document.getElementById('autosave-status')!.setAttribute('data-seen', ''),
    )
    await page.locator('#markdown').pressSequentially('\n\nAnd cheese.', { delay: 10 })
    await page.waitForSelector('#autosave-status:not([data-seen])', { timeout: 10_000 })
    await page.close({ runBeforeUnload: false })

    const reopened = await context.newPage()
    await reopened.goto(address)
    assert.equal(await reopened.inputValue('input[name=title]'), 'Notes from the market')
    assert.equal(
      await reopened.inputValue('#markdown'),
      'Leeks, "new" potatoes -- and bread.\n\nAnd cheese.',
    )
    assert.equal(await reopened.isChecked('input[name=status][value=draft]'), true)
    // One post, not one per autosave.
    await reopened.goto(`${worker.url}/admin/posts?q=market`)
    assert.equal(await reopened.locator('table.admin-posts tbody tr').count(), 1)
    await context.close()
  })

  it('warns before leaving while a change is not saved yet', async () => {
    const { browser, worker } = session
    const context = await browser.newContext()
    await logIn(context, worker.url)
    const page = await context.newPage()
    await page.goto(`${worker.url}/admin/posts/new`)
    await page.waitForFunction(() => 'htmx' in window)
    await page.fill('input[name=title]', 'Unsaved')
    const prompt = page.waitForEvent('dialog', { timeout: 5_000 })
    await page.close({ runBeforeUnload: true })
    const dialog = await prompt
    assert.equal(dialog.type(), 'beforeunload')
    // Leaving is confirmed, so the page really closes before its context does: dismissing left a
    // half-closed page that could race the context's own close on a loaded machine.
    const closed = page.waitForEvent('close')
    await dialog.accept()
    await closed
    await context.close()
  })
})
