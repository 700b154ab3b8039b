import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { logInAsEditor, useWorkerWithEditor } from './editor-fixture'

const session = useWorkerWithEditor()
const PHONE = { width: 390, height: 844 }
const VISUAL = '.ve-text[contenteditable=true]'

/** Nothing wider than the screen: no sideways scrolling on a phone. */
async function assertFitsWidth(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= PHONE.width, `${page.url()} is ${width}px wide`)
}

describe('running the site from the admin, on a 390 px phone', () => {
  it('changes the tagline and adds a page to the header; readers see both at once', async () => {
    const owner = await session.browser.newContext({ viewport: PHONE, hasTouch: true })
    const admin = await owner.newPage()
    await admin.goto(`${session.worker.url}/admin/settings`)
    await logInAsEditor(admin, /\/admin\/settings$/)
    await assertFitsWidth(admin)

    await admin.getByLabel('Tagline').fill('Le carnet d’une hospitalité « sans friction »')
    await Promise.all([
      admin.waitForURL(/\/admin\/settings\?saved$/),
      admin.getByRole('button', { name: 'Save settings' }).click(),
    ])
    assert.match((await admin.textContent('.notice')) ?? '', /Settings saved/)

    await admin.goto(`${session.worker.url}/admin/pages/new`)
    await admin.waitForSelector(VISUAL)
    await admin.getByLabel('Title').fill('Nous contacter')
    await admin.getByLabel('Slug').fill('nous-contacter')
    // Pages are written in the posts' editor, its visual editor included.
    await admin.locator(VISUAL).click()
    await admin.keyboard.type('Écrivez-nous, ')
    await admin.keyboard.press('Control+b')
    await admin.keyboard.type('nous répondons vite')
    await admin.keyboard.press('Control+b')
    await admin.keyboard.type('.')
    await admin.waitForFunction(() =>
      document
        .querySelector<HTMLTextAreaElement>('#markdown')
        ?.value.includes('Écrivez-nous, **nous répondons vite**.'),
    )
    await admin.check('input[name=status][value=published]')
    await Promise.all([
      admin.waitForURL(/\/admin\/pages\/\d+\?saved=1$/),
      admin.click('form.post-form > .form-actions button[type=submit]'),
    ])
    assert.match((await admin.textContent('.notice')) ?? '', /the page is live/)

    await admin.goto(`${session.worker.url}/admin/navigation`)
    await assertFitsWidth(admin)
    const header = admin.locator('#menu-header')
    const addLink = header.locator('form.add-link')
    await addLink.getByLabel('Label').fill('Contact')
    await addLink.getByLabel('Address').fill('/nous-contacter')
    await Promise.all([
      admin.waitForURL(/\/admin\/navigation\?saved/),
      addLink.getByRole('button', { name: 'Add link' }).click(),
    ])
    assert.equal(
      await header.locator('li.nav-link-item').last().locator('strong').textContent(),
      'Contact',
    )
    // Moved up once, with the plain form's button.
    await Promise.all([
      admin.waitForURL(/\/admin\/navigation\?saved/),
      header
        .locator('li.nav-link-item')
        .last()
        .getByRole('button', { name: /Move up/ })
        .click(),
    ])
    await owner.close()

    const reader = await session.browser.newContext({ viewport: PHONE, hasTouch: true })
    const page = await reader.newPage()
    await page.goto(`${session.worker.url}/`)
    assert.equal(
      await page.textContent('.site-tagline'),
      'Le carnet d’une hospitalité « sans friction »',
    )
    const links = await page.locator('.site-nav a').allTextContents()
    assert.deepEqual(links.slice(-2), ['Contact', 'À propos'])
    await assertFitsWidth(page)
    const contact = page.locator('.site-nav a', { hasText: 'Contact' })
    const box = await contact.boundingBox()
    assert.ok(box && box.height >= 44, 'the link is a large enough touch target')
    await Promise.all([page.waitForURL(/\/nous-contacter$/), contact.tap()])
    assert.equal(await page.textContent('main h1'), 'Nous contacter')
    assert.equal(await page.textContent('main strong'), 'nous répondons vite')
    assert.equal(
      await page.getAttribute('.site-nav a[aria-current="page"]', 'href'),
      '/nous-contacter',
    )
    assert.equal(await page.locator('main .byline').count(), 0)
    await assertFitsWidth(page)
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/page-in-navigation-390.png', fullPage: true })
    await reader.close()
  })
})
