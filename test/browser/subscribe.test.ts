/**
 * End to end against the real `npm start`: a reader subscribes at the end of a post in Chromium,
 * the confirmation is read from /admin/outbox as the raw message, its link confirmed with the
 * button, and /admin/subscribers shows the reader confirmed.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'playwright-core'
import { startNpmStart, type NpmStart } from '../support/npm-start'
import { launchChromium } from './chromium'

const READER = 'reader@readers.example'

let blog: NpmStart
let browser: Browser

before(async () => {
  blog = await startNpmStart()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await blog?.stop()
})

/** Quoted-printable soft breaks and escapes undone, to read a link out of a raw message. */
function decodeQuotedPrintable(text: string) {
  const bytes = text
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)))
}

describe('following by email under npm start', () => {
  it('subscribes on a post page, confirms from the outbox, and shows as confirmed', async () => {
    const readerContext = await browser.newContext()
    const reader = await readerContext.newPage()
    await reader.goto(blog.url)
    const firstPost = await reader.locator('a[href^="/posts/"]').first().getAttribute('href')
    assert.ok(firstPost, 'the demo content has a post')
    await reader.goto(`${blog.url}${firstPost}`)
    await reader.getByLabel('Email address').fill(READER)
    await reader.getByRole('button', { name: 'Subscribe' }).click()
    await reader.getByRole('status').filter({ hasText: 'Almost done' }).waitFor()
    assert.deepEqual(await readerContext.cookies(), [], 'a reader gets no cookie')

    const ownerContext = await browser.newContext()
    const owner = await ownerContext.newPage()
    await owner.goto(`${blog.url}/admin`)
    await owner.fill('input[name=email]', blog.email)
    await owner.fill('input[name=password]', blog.password)
    await Promise.all([owner.waitForURL(/\/admin\/posts/), owner.click('button[type=submit]')])
    // The confirmation is sent after the answer: the outbox is read again until it is there.
    let eml: string | null = null
    for (let tries = 0; !eml && tries < 100; tries++) {
      await owner.goto(`${blog.url}/admin/outbox`)
      eml = await owner
        .locator('tr', { hasText: READER })
        .locator('a[href$=".eml"]')
        .first()
        .getAttribute('href', { timeout: 200 })
        .catch(() => null)
    }
    assert.ok(eml, 'the confirmation is in the outbox')
    const raw = await (await owner.request.get(`${blog.url}${eml}`)).text()
    const link = /http:\/\/localhost:\d+\/subscribe\/confirm\/[A-Za-z0-9._-]+/.exec(
      decodeQuotedPrintable(raw),
    )?.[0]
    assert.ok(link, raw)

    await reader.goto(link)
    await reader.getByRole('button', { name: 'Confirm' }).click()
    await reader.getByText('Thank you: you will get new posts by email.').waitFor()

    await owner.goto(`${blog.url}/admin/subscribers`)
    const row = owner.locator('tr', { hasText: READER })
    assert.match((await row.textContent()) ?? '', /Confirmed/)
    assert.equal(await owner.locator('#count-confirmed').textContent(), '1')
    await readerContext.close()
    await ownerContext.close()
  })
})
