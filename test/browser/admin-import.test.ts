/**
 * The admin import end to end, against the real `npm start` (wrangler dev, as a new user runs
 * the blog), not the bundled Worker the other browser tests share: a WordPress export is checked
 * in a dry run, imported, and its posts are then on the reader site, images included.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { serveFixtureImages } from '../support/image-server'
import { startNpmStart, type NpmStart } from '../support/npm-start'
import { launchChromium } from './chromium'
import { logInOn } from './admin-support'

const SAMPLE = path.resolve(
  import.meta.dirname,
  '../features/import-export/import/fixtures/wordpress-export-sample.xml',
)
/** The Workflow's steps run in seconds; a step that throws is retried for minutes. */
const JOB_TIMEOUT_MS = 90_000

let blog: NpmStart
let images: Awaited<ReturnType<typeof serveFixtureImages>>
let browser: Browser
let exportFile: string

before(async () => {
  images = await serveFixtureImages()
  // The sample's images, served from this machine as the old blog's uploads folder.
  const dir = mkdtempSync(path.join(tmpdir(), 'edge-blog-wxr-'))
  exportFile = path.join(dir, 'wordpress-export.xml')
  writeFileSync(
    exportFile,
    readFileSync(SAMPLE, 'utf8').replaceAll('http://127.0.0.1:8080', images.url),
  )
  // Private addresses are refused to imports unless allowed on this machine, as here.
  blog = await startNpmStart({ CURATION_ALLOW_HOSTS: new URL(images.url).host })
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await blog?.stop()
  await images?.close()
  if (exportFile) rmSync(path.dirname(exportFile), { recursive: true, force: true })
})

/**
 * Waits, through the job page's own refreshes, for the import to end; fails with the notice that
 * ends it if it is not `expected`.
 */
async function waitForJobNotice(page: Page, expected: RegExp) {
  const notice = page.locator('p.notice', {
    hasText: new RegExp(`${expected.source}|The import stopped|tried again|Stuck`),
  })
  await notice.first().waitFor({ timeout: JOB_TIMEOUT_MS })
  assert.match((await notice.first().textContent()) ?? '', expected)
}

describe('the admin import under npm start', () => {
  it('checks a WordPress export, imports it, and its posts are public', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await logInOn(page, blog.url, blog)

    await page.goto(`${blog.url}/admin/import`)
    await page.setInputFiles('#import-file', exportFile)
    await Promise.all([
      page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Check (dry run)' }).click(),
    ])
    const dryRunUrl = page.url()
    await waitForJobNotice(page, /Dry run finished: nothing was written\./)
    assert.equal(await page.locator('tr[data-kind=posts] td').first().textContent(), '9')
    assert.equal(await page.locator('tr[data-kind=images] td').first().textContent(), '2')

    await Promise.all([
      page.waitForURL(
        (url) => /\/admin\/import\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== dryRunUrl,
      ),
      page.getByRole('button', { name: 'Import now' }).click(),
    ])
    await waitForJobNotice(page, /Import finished\./)
    await context.close()

    // A reader, without the admin's session: the old WordPress address leads to the post.
    const reader = await browser.newPage()
    await reader.goto(`${blog.url}/?p=72`)
    assert.match(new URL(reader.url()).pathname, /^\/posts\/cafe-a-lhotel$/)
    assert.match((await reader.locator('h1').first().textContent()) ?? '', /Café à l’hôtel/)
    const image = reader.locator('.post-body img[src^="/media/"]').first()
    await image.waitFor()
    await reader.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      await image.elementHandle(),
    )
    await reader.close()
  })
})
