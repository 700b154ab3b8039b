/**
 * End to end against the real `npm start`: a reader subscribes at the end of a post in Chromium,
 * the confirmation is read from /admin/outbox as the raw message, its link confirmed with the
 * button, and /admin/subscribers shows the reader confirmed.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { logInOn } from './admin-support'
import { useNpmStartAndBrowser } from './chromium'

const READER = 'reader@readers.example'

const session = useNpmStartAndBrowser()

/** Quoted-printable soft breaks and escapes undone, to read a link out of a raw message. */
function decodeQuotedPrintable(text: string) {
  const bytes = text
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)))
}

describe('following by email under npm start', () => {
  it('subscribes on a post page, confirms from the outbox, and shows as confirmed', async () => {
    const { blog, browser } = session
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
    await logInOn(owner, blog.url, blog)
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

  it('emails a note published with Email to subscribers ticked to the confirmed reader', async () => {
    const { blog, browser } = session
    const context = await browser.newContext()
    const owner = await context.newPage()
    await logInOn(owner, blog.url, blog)
    await owner.goto(`${blog.url}/admin/notes`)
    await owner.getByLabel('Source address').fill('https://example.org/a-hotel-worth-reading')
    await owner.getByLabel('Title', { exact: true }).fill('A note for the readers by email')
    const box = owner.getByLabel('Email to subscribers')
    assert.equal(await box.isChecked(), false, 'notes are not emailed unless ticked')
    await box.check()
    await Promise.all([
      owner.waitForURL(/\/admin\/notes\/\d+\?saved=published/),
      owner.getByRole('button', { name: 'Publish', exact: true }).click(),
    ])
    let sent = false
    for (let tries = 0; !sent && tries < 100; tries++) {
      await owner.goto(`${blog.url}/admin/outbox`)
      sent =
        (await owner
          .locator('tr', { hasText: READER })
          .filter({ hasText: 'A note for the readers by email' })
          .count()) === 1
    }
    assert.ok(sent, 'the note reached the confirmed reader')
    await context.close()
  })
})
