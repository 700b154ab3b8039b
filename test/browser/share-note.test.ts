import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { startFixtureServer } from '../support/fixture-pages'
import { EDITOR_EMAIL, EDITOR_PASSWORD, useWorkerWithEditor } from './editor-fixture'

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

// The pages to share; the Worker may read them because it is addressed as localhost.
const fixtures = await startFixtureServer()
const fixturesUrl = `http://127.0.0.1:${(fixtures.address() as AddressInfo).port}`
after(() => new Promise<void>((resolve) => fixtures.close(() => resolve())))

const session = useWorkerWithEditor({ CURATION_ALLOW_HOSTS: new URL(fixturesUrl).host })

describe('sharing a link from a phone', () => {
  before(() => mkdirSync('test-results', { recursive: true }))

  it('opens the share target, logs in, publishes with one tap and finds the note first', async () => {
    const context = await session.browser.newContext(PHONE)
    const page = await context.newPage()
    const shared = new URLSearchParams({
      url: `${fixturesUrl}/opengraph.html`,
      title: 'Les hôtels deviennent des marques',
      text: 'Un passage « choisi » sur le téléphone.',
    })
    await page.goto(`${session.worker.url}/admin/share?${shared}`)
    assert.match(page.url(), /\/admin\?next=/)
    await page.fill('input[name=email]', EDITOR_EMAIL)
    await page.fill('input[name=password]', EDITOR_PASSWORD)
    await Promise.all([page.waitForURL(/\/admin\/share\?/), page.tap('button[type=submit]')])

    assert.equal(await page.inputValue('input[name=title]'), 'Les hôtels deviennent des marques')
    assert.equal(
      await page.inputValue('textarea[name=quote]'),
      'Un passage « choisi » sur le téléphone.',
    )
    assert.equal(
      await page.inputValue('input[name=sourceUrl]'),
      'https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html',
    )
    await page.screenshot({ path: 'test-results/share-note-phone.png', fullPage: true })
    // The primary button is in reach without scrolling on a phone.
    const publish = page.locator('button[value=publish]')
    const box = await publish.boundingBox()
    assert.ok(box && box.y + box.height <= 844, `Publish is at ${JSON.stringify(box)}`)
    await Promise.all([page.waitForURL(/\/admin\/notes\/\d+\?saved=published/), publish.tap()])

    await page.goto(`${session.worker.url}/`)
    const first = page.locator('article.post-summary').first()
    assert.equal(await first.getAttribute('class'), 'post-summary note-summary')
    assert.equal(await first.locator('h2').textContent(), 'Les hôtels deviennent des marques')
    const source = first.locator('.note-source a')
    assert.equal(await source.textContent(), 'Read at lemonde.fr →')
    assert.equal(
      await source.getAttribute('href'),
      'https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html',
    )
    await page.screenshot({ path: 'test-results/share-note-home.png' })
    await context.close()
  })

  it('runs the bookmarklet on another site’s page and lands on the filled form', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${session.worker.url}/admin`)
    await page.fill('input[name=email]', EDITOR_EMAIL)
    await page.fill('input[name=password]', EDITOR_PASSWORD)
    await Promise.all([page.waitForURL(/\/admin\/posts/), page.click('button[type=submit]')])
    await page.goto(`${session.worker.url}/admin/notes`)
    const href = await page.getAttribute('a.bookmarklet-link', 'href')
    assert.ok(href?.startsWith('javascript:'))

    await page.goto(`${fixturesUrl}/plain.html`)
    await page.evaluate(() => {
      const range = document.createRange()
      range.selectNodeContents(document.querySelector('p')!)
      getSelection()!.addRange(range)
    })
    // The session cookie is SameSite=Strict: one hop through the blog's origin brings it back.
    await page.evaluate(decodeURIComponent(href!.slice('javascript:'.length)))
    await page.waitForSelector('textarea[name=quote]')
    assert.match(page.url(), /^http:\/\/localhost:\d+\/admin\/share\?url=/)
    assert.equal(await page.inputValue('textarea[name=quote]'), 'Body')
    assert.equal(await page.inputValue('input[name=title]'), 'Une page & rien d’autre')
    assert.equal(await page.inputValue('input[name=sourceUrl]'), `${fixturesUrl}/plain-canonical`)
    await context.close()
  })

  it('serves the manifest’s icons from this site', async () => {
    const manifest = (await (
      await fetch(`${session.worker.url}/admin/manifest.webmanifest`)
    ).json()) as { icons: { src: string }[] }
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, session.worker.url))
      assert.equal(response.status, 200, icon.src)
      assert.equal(response.headers.get('Content-Type'), 'image/png')
    }
  })
})
