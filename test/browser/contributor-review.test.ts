/**
 * The review step end to end in Chromium, against the bundled Worker: the owner invites a
 * contributor from /admin/users, the contributor joins with the link shown there and a password,
 * writes a draft and clicks Submit for review; the owner finds it in /admin/review (counted in the
 * navigation), publishes it, and readers find it at /posts/<slug>.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { logInAsEditor, useWorkerWithEditor } from './editor-fixture'

const session = useWorkerWithEditor()

describe('a contributor’s draft, reviewed in Chromium', () => {
  it('is submitted by an invited contributor, then published by the owner from the queue', async () => {
    const { url } = session.worker
    const owner = await session.browser.newContext()
    const ownerPage = await owner.newPage()
    await ownerPage.goto(`${url}/admin/users`)
    await logInAsEditor(ownerPage, /\/admin\/users$/)
    const invite = ownerPage.locator('form[action="/admin/users/invitations"]')
    await invite.locator('input[name=email]').fill('lea@example.org')
    await invite.locator('select[name=role]').selectOption({ label: 'Contributor' })
    await Promise.all([
      ownerPage.waitForURL(/\/admin\/users\/invitations$/),
      invite.locator('button[type=submit]').click(),
    ])
    const link = await ownerPage.locator('.handed-link input.copy-link').inputValue()
    assert.match(link, /\/admin\/join\/[A-Za-z0-9_-]{43}$/)

    const contributor = await session.browser.newContext()
    const page = await contributor.newPage()
    await page.goto(link)
    assert.match(await page.locator('main').innerText(), /contributor/)
    await page.fill('input[name=name]', 'Léa')
    await page.fill('input[name=password]', 'lea picked a long passphrase')
    await page.fill('input[name=repeatPassword]', 'lea picked a long passphrase')
    await Promise.all([page.waitForURL(/\/admin\/posts$/), page.click('form button[type=submit]')])
    const nav = await page.locator('nav.admin-nav').innerText()
    assert.match(nav, /Log out \(Léa\)/)
    assert.doesNotMatch(nav, /Review/)

    await page.goto(`${url}/admin/posts/new`)
    assert.equal(await page.locator('input[name=status][value=published]').count(), 0)
    await page.getByRole('button', { name: 'Markdown', exact: true }).click()
    await page.getByLabel('Title', { exact: true }).fill('Notes from the market')
    await page.getByLabel('Slug', { exact: true }).fill('notes-from-the-market')
    await page.locator('#markdown').fill('Cherries were early this year.')
    await page.getByLabel('Note to the editors').fill('First piece: is the tone right?')
    await Promise.all([
      page.waitForURL(/\/admin\/posts\/\d+\?submitted=1$/),
      page.getByRole('button', { name: 'Submit for review', exact: true }).click(),
    ])
    assert.match(await page.locator('main').innerText(), /Submitted for review/)
    const hidden = await page.request.get(`${url}/posts/notes-from-the-market`)
    assert.equal(hidden.status(), 404)

    await ownerPage.goto(`${url}/admin/posts`)
    assert.match(
      await ownerPage.locator('nav.admin-nav a[href="/admin/review"]').innerText(),
      /Review\s*\(1\)/,
    )
    await ownerPage.goto(`${url}/admin/review`)
    const item = ownerPage.locator('.review-item', { hasText: 'Notes from the market' })
    assert.match(await item.innerText(), /First piece: is the tone right\?/)
    await Promise.all([
      ownerPage.waitForURL(/\/admin\/review\?done=published$/),
      item.getByRole('button', { name: 'Publish now', exact: true }).click(),
    ])
    assert.match(await ownerPage.locator('main').innerText(), /Nothing is waiting for review/)

    const reader = await session.browser.newContext()
    const readerPage = await reader.newPage()
    const response = await readerPage.goto(`${url}/posts/notes-from-the-market`)
    assert.equal(response?.status(), 200)
    assert.equal(await readerPage.locator('h1').innerText(), 'Notes from the market')
    assert.match(await readerPage.locator('.post-body').innerText(), /Cherries were early/)
    await Promise.all([reader.close(), contributor.close(), owner.close()])
  })
})
