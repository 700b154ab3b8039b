import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import * as samples from '../media-samples'
import { logInAsEditor, useWorkerWithEditor } from './editor-fixture'

const session = useWorkerWithEditor()

/** Sums layout shifts from the start of each page load (the Layout Instability API). */
const CLS_OBSERVER = `
  window.__cls = 0
  const add = (entries) => {
    for (const entry of entries) if (!entry.hadRecentInput) window.__cls += entry.value
  }
  window.__clsObserver = new PerformanceObserver((list) => add(list.getEntries()))
  window.__clsObserver.observe({ type: 'layout-shift', buffered: true })
  // Shifts already measured but not yet handed to the callback, which runs in a later task.
  window.__clsNow = () => (add(window.__clsObserver.takeRecords()), window.__cls)
`

/**
 * The layout shift once every image in view has arrived. With `scroll`, lazy images further down
 * are brought in too (not on lists, where reaching the end loads more posts below).
 */
async function layoutShiftAfterImages(page: Page, scroll: boolean): Promise<number> {
  if (scroll) await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await page.waitForFunction(() =>
    Array.from(document.images)
      .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
      .every((img) => img.complete && img.naturalWidth > 0),
  )
  // A frame drawn after the images arrived: any shift they caused has been measured by then.
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve((window as unknown as { __clsNow: () => number }).__clsNow()),
          ),
        ),
      ),
  )
}

describe('images in Chromium', () => {
  it('drops an image into the editor, sees it in the preview, publishes it with a featured image; the reader sees both with no layout shift', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    await page.addInitScript(CLS_OBSERVER)
    // Images arrive late, as on a slow network, once the page has been drawn without them: a box
    // without a size would visibly jump.
    await page.route('**/media/*', async (route) => {
      await route
        .request()
        .frame()
        .waitForFunction(
          () => performance.getEntriesByName('first-contentful-paint').length > 0,
          undefined,
          { timeout: 10_000 },
        )
        .catch(() => {}) // the page went away meanwhile: nobody waits for this image
      await route.continue()
    })

    await page.goto(`${session.worker.url}/admin/posts/new`)
    await logInAsEditor(page, /\/admin\/posts\/new$/)
    await page.waitForFunction(() => 'htmx' in window)

    await page.fill('input[name=title]', 'Une rue à Montmartre')
    // The Markdown source, behind the visual editor's Markdown button.
    await page.getByRole('button', { name: 'Markdown', exact: true }).click()
    await page.fill('#markdown', 'Le matin, rue Lepic.\n\n')
    await page.locator('#markdown').focus()
    await page.evaluate(() => {
      const textarea = document.getElementById('markdown') as HTMLTextAreaElement
      textarea.setSelectionRange(textarea.value.length, textarea.value.length)
    })

    // Drop a JPEG (with GPS coordinates) onto the text.
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], 'rue.jpg', { type: 'image/jpeg' }))
      const textarea = document.getElementById('markdown')!
      for (const type of ['dragover', 'drop']) {
        textarea.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        )
      }
    }, samples.jpegWithGps)
    await page.waitForSelector('#image-progress:not([hidden])')
    await page.waitForSelector('#image-alt-dialog[open]')
    await page.fill('#image-alt-input', 'La rue Lepic au matin')
    await page.click('#image-alt-dialog button[value=insert]')
    await page.waitForFunction(() =>
      (document.getElementById('markdown') as HTMLTextAreaElement).value.includes('/media/'),
    )
    const markdown = await page.inputValue('#markdown')
    assert.match(markdown, /!\[La rue Lepic au matin\]\(\/media\/[0-9a-f]{64}\.jpg\)/)
    await page.waitForSelector('#preview img')
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#preview img')
      return img?.complete && img.naturalWidth === 40
    })
    assert.equal(await page.getAttribute('#preview img', 'alt'), 'La rue Lepic au matin')

    // The file picker, marked decorative, then a pasted image.
    await page.setInputFiles('#image-file', {
      name: 'toits.png',
      mimeType: 'image/png',
      buffer: Buffer.from(samples.pngWithMetadata, 'base64'),
    })
    await page.waitForSelector('#image-alt-dialog[open]')
    await page.check('#image-alt-decorative')
    await page.click('#image-alt-dialog button[value=insert]')
    await page.waitForFunction(() =>
      (document.getElementById('markdown') as HTMLTextAreaElement).value.includes('"decorative")'),
    )
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], 'image.gif', { type: 'image/gif' }))
      document
        .getElementById('markdown')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        )
    }, samples.gif)
    await page.waitForSelector('#image-alt-dialog[open]')
    await page.fill('#image-alt-input', 'Un volet vert')
    await page.click('#image-alt-dialog button[value=insert]')
    await page.waitForFunction(() => document.querySelectorAll('#preview img').length === 3)
    assert.match(
      await page.inputValue('#markdown'),
      /^Le matin, rue Lepic\.\n\n!\[La rue Lepic au matin\]\(\/media\/[0-9a-f]{64}\.jpg\)\n\n!\[\]\(\/media\/[0-9a-f]{64}\.png "decorative"\)\n\n!\[Un volet vert\]\(\/media\/[0-9a-f]{64}\.gif\)\n$/,
    )

    // A featured image, uploaded from its own button.
    await page.setInputFiles('#featured-file', {
      name: 'facade.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(samples.wideJpeg, 'base64'),
    })
    await page.waitForFunction(() =>
      /^\/media\/[0-9a-f]{64}\.jpg$/.test(
        (document.getElementById('featured-image') as HTMLInputElement).value,
      ),
    )
    await page.fill('#featured-image-alt', 'La façade ocre du café')

    await page.check('input[name=status][value=published]')
    await page.selectOption('select[name=language]', 'fr')
    await Promise.all([
      page.waitForURL(/\/admin\/posts\/\d+\?saved=1$/),
      page.click('.post-form > .form-actions button[type=submit]'),
    ])

    await page.goto(`${session.worker.url}/posts/une-rue-a-montmartre`)
    const featured = page.locator('.featured-image img')
    assert.equal(await featured.getAttribute('width'), '1200')
    assert.equal(await featured.getAttribute('height'), '800')
    assert.equal(await featured.getAttribute('alt'), 'La façade ocre du café')
    const body = page.locator('.post-body img').first()
    assert.equal(await body.getAttribute('width'), '40')
    assert.equal(await body.getAttribute('height'), '30')
    assert.equal(await body.getAttribute('loading'), 'lazy')
    assert.equal(await layoutShiftAfterImages(page, true), 0)
    assert.equal(
      await page.evaluate(
        () => document.querySelector<HTMLImageElement>('.post-body img')!.naturalWidth,
      ),
      40,
    )
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/post-with-images.png' })

    // The home page shows it first, with its thumbnail, and nothing moves when it arrives.
    await page.goto(`${session.worker.url}/`)
    const first = page.locator('article.post-summary').first()
    assert.equal(await first.getAttribute('class'), 'post-summary has-thumbnail')
    const thumbnail = first.locator('.thumbnail img')
    assert.equal(await thumbnail.getAttribute('width'), '1200')
    assert.equal(await layoutShiftAfterImages(page, false), 0)
    assert.ok(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth > 0))
    await page.screenshot({ path: 'test-results/home-with-thumbnail.png' })

    assert.deepEqual(problems, [])
    await context.close()
  })
})
