import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { addOwner, logIn, PEPPER } from './admin-support'
import { useWorkerAndBrowser } from './chromium'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

const session = useWorkerAndBrowser({ demoContent: true, vars: { AUTH_PEPPER: PEPPER } }, addOwner)

type Violation = { id: string; nodes: { target: string[] }[] }

/** axe-core's WCAG 2.1 AA rules and best practices, run inside the page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe
      .run()
      .then((result) => result.violations),
  )) as Violation[]
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function firstHref(page: Page, url: string, selector: string) {
  await page.goto(url)
  return page.getAttribute(selector, 'href')
}

async function readerPages(browser: Browser, url: string) {
  const page = await browser.newPage()
  const post = await firstHref(page, `${url}/`, 'article.post-summary h2 a')
  const category = await firstHref(page, `${url}${post}`, '.byline a[rel=tag]')
  const author = await firstHref(page, `${url}${post}`, '.byline a[href^="/authors/"]')
  const more = await firstHref(page, `${url}/`, 'a.load-more')
  await page.close()
  return [
    '/',
    more!,
    post!,
    category!,
    author!,
    '/categories',
    '/search',
    '/search?q=pain',
    '/privacy',
    // A page at the site's root (the demo content's).
    '/a-propos',
    '/no-such-page',
  ]
}

/** Puts the demo draft in the review queue, so /admin/review is checked with its forms. */
async function submitDemoDraft() {
  const d1 = await session.worker.miniflare.getD1Database('DB')
  await d1
    .prepare(
      `INSERT INTO post_reviews (post_id, state, submitted_at, submit_note)
        SELECT id, 'pending', ?1, 'Is the title right?' FROM posts WHERE status = 'draft'
        ON CONFLICT DO NOTHING`,
    )
    .bind(Date.now())
    .run()
}

/** A reader's comment waiting for moderation, so /admin/comments is checked with its forms. */
async function holdDemoComment() {
  const d1 = await session.worker.miniflare.getD1Database('DB')
  await d1
    .prepare(
      `INSERT INTO comments (post_id, status, author_name, markdown, html, created_at)
        SELECT id, 'pending', 'Ada', 'A *question*.', '<p>A <em>question</em>.</p>', ?1
        FROM posts WHERE status = 'published' AND kind = 'post' LIMIT 1`,
    )
    .bind(Date.now())
    .run()
}

async function adminPages(page: Page, url: string) {
  await submitDemoDraft()
  await holdDemoComment()
  await page.goto(`${url}/admin/posts`)
  const edit = await page.getAttribute('table.admin-posts td a', 'href')
  return [
    '/admin/posts',
    '/admin/posts?status=draft',
    '/admin/posts/new',
    edit!,
    `${edit}/delete`,
    `${edit}/preview`,
    '/admin/authors',
    '/admin/users',
    '/admin/account',
    '/admin/analytics',
    '/admin/audit',
    '/admin/outbox',
    '/admin/recover',
    '/admin/settings',
    '/admin/navigation',
    '/admin/pages',
    '/admin/pages/new',
    '/admin/review',
    '/admin/comments',
  ]
}

describe('accessibility and phones', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`every reader page has no axe violation in ${colorScheme} mode`, async () => {
      const { browser, worker } = session
      const context = await browser.newContext({ colorScheme })
      const page = await context.newPage()
      for (const path of await readerPages(browser, worker.url)) {
        await page.goto(worker.url + path)
        assert.deepEqual(await axeViolations(page), [], `${path} (${colorScheme})`)
      }
      await context.close()
    })

    it(`every admin page has no axe violation in ${colorScheme} mode`, async () => {
      const { browser, worker } = session
      const context = await browser.newContext({ colorScheme })
      const page = await context.newPage()
      await page.goto(`${worker.url}/admin`)
      assert.deepEqual(await axeViolations(page), [], `/admin login (${colorScheme})`)
      await logIn(context, worker.url)
      for (const path of await adminPages(page, worker.url)) {
        await page.goto(worker.url + path)
        assert.deepEqual(await axeViolations(page), [], `${path} (${colorScheme})`)
      }
      await context.close()
    })
  }

  it('every admin page fits a 360 px wide phone without scrolling sideways', async () => {
    const { browser, worker } = session
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    const overflowing: string[] = []
    const measure = async (path: string) => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }))
      if (scrollWidth > clientWidth) overflowing.push(`${path}: ${scrollWidth} > ${clientWidth}`)
    }
    await page.goto(`${worker.url}/admin`)
    await measure('/admin')
    await logIn(context, worker.url)
    for (const path of await adminPages(page, worker.url)) {
      await page.goto(worker.url + path)
      await measure(path)
    }
    assert.deepEqual(overflowing, [])
    // The post list stacks each row: one cell under the other, not side by side.
    await page.goto(`${worker.url}/admin/posts`)
    const [title, status] = await page.$$eval(
      'table.admin-posts tbody tr:first-child td',
      (cells) => cells.slice(0, 2).map((cell) => cell.getBoundingClientRect().top),
    )
    assert.ok(status > title, 'cells of a row are stacked')
    await context.close()
  })

  it('keeps the dashboard’s columns apart, even with a very long source', async () => {
    const { browser, worker } = session
    const d1 = await worker.miniflare.getD1Database('DB')
    const today = new Date().toISOString().slice(0, 10)
    await d1
      .prepare('INSERT INTO audience_daily_counts (day, metric, key, count) VALUES (?, ?, ?, ?)')
      .bind(today, 'referrer', `utm-${'very-long-campaign-name'.repeat(6)}.example.org`, 5)
      .run()
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await logIn(context, worker.url)
    const page = await context.newPage()
    await page.goto(`${worker.url}/admin/analytics`)
    const overlaps = await page.$$eval('.ranked', (sections) =>
      sections.flatMap((section) => {
        const box = section.getBoundingClientRect()
        return Array.from(section.querySelectorAll('td, th'))
          .filter((cell) => cell.getBoundingClientRect().right > box.right + 1)
          .map((cell) => cell.textContent)
      }),
    )
    assert.deepEqual(overlaps, [])
    await context.close()
  })

  it('the admin header and content share one width', async () => {
    const { browser, worker } = session
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } })
    await logIn(context, worker.url)
    const page = await context.newPage()
    await page.goto(`${worker.url}/admin/posts`)
    const widths = await page.$$eval('.site-header, main, .site-footer', (elements) =>
      elements.map((element) => Math.round(element.getBoundingClientRect().width)),
    )
    assert.equal(new Set(widths).size, 1, `header, content and footer: ${widths.join(', ')}`)
    await context.close()
  })
})
