import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { htmxReady, useWorkerAndBrowser } from './chromium'

const session = useWorkerAndBrowser({ demoContent: true })

const articleIds = (page: Page) =>
  page.$$eval('article.post-summary', (articles) =>
    articles.map((a) => a.getAttribute('data-post-id')),
  )

/** The first 30 posts as the server lists them, page by page, without JavaScript. */
async function expectedFirstThirty(): Promise<string[]> {
  const ids: string[] = []
  let path: string | null = '/'
  while (path && ids.length < 30) {
    const html: string = await (await fetch(session.worker.url + path)).text()
    ids.push(...[...html.matchAll(/data-post-id="(\d+)"/g)].map((m) => m[1]))
    path = /class="load-more" href="([^"]+)"/.exec(html)?.[1].replace(/&amp;/g, '&') ?? null
  }
  return ids.slice(0, 30)
}

/** Counts the requests htmx has started and not yet finished (swap, history and status included). */
function countHtmxRequests(page: Page) {
  return page.evaluate(() => {
    const state = window as unknown as { htmxUnderWay: number }
    state.htmxUnderWay = 0
    document.addEventListener('htmx:before:request', () => state.htmxUnderWay++)
    document.addEventListener('htmx:finally:request', () => state.htmxUnderWay--)
  })
}

/** Waits until every request htmx started has been handled to its end. */
function htmxDone(page: Page) {
  return page.waitForFunction(
    () => (window as unknown as { htmxUnderWay: number }).htmxUnderWay === 0,
  )
}

async function scrollToBottomAndWaitFor(page: Page, count: number) {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await page.waitForFunction(
    (n) => document.querySelectorAll('article.post-summary').length >= n,
    count,
    {
      timeout: 10_000,
    },
  )
}

describe('Load More Posts in Chromium', () => {
  it('appends posts 11–30 on scroll, with no duplicates and no reload, and Back keeps them', async () => {
    const expected = await expectedFirstThirty()
    const context = await session.browser.newContext({ viewport: { width: 412, height: 900 } })
    const page = await context.newPage()
    const foreignRequests: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(session.worker.url)) foreignRequests.push(request.url())
    })

    await page.goto(session.worker.url + '/')
    await htmxReady(page)
    await countHtmxRequests(page)
    assert.deepEqual(await articleIds(page), expected.slice(0, 10))
    await page.evaluate(
      () => ((window as unknown as { stillSamePage: boolean }).stillSamePage = true),
    )

    await scrollToBottomAndWaitFor(page, 20)
    await htmxDone(page)
    await scrollToBottomAndWaitFor(page, 30)
    await htmxDone(page)

    const ids = (await articleIds(page)).slice(0, 30)
    assert.deepEqual(ids, expected)
    assert.equal(
      new Set(await articleIds(page)).size,
      (await articleIds(page)).length,
      'no post twice',
    )
    assert.equal(
      await page.evaluate(() => (window as unknown as { stillSamePage?: boolean }).stillSamePage),
      true,
    )
    assert.match((await page.textContent('#feed-status')) ?? '', /more posts loaded/)
    assert.match(new URL(page.url()).search, /^\?through=/)

    // Open the 25th post, then come back: the same posts, at the same place.
    const target = page.locator('article.post-summary').nth(24).locator('h2 a')
    await target.scrollIntoViewIfNeeded()
    const scrollBefore = await page.evaluate(() => window.scrollY)
    const idsBefore = await articleIds(page)
    await target.click()
    await page.waitForURL(/\/posts\//)
    await page.goBack()
    await page.waitForSelector('article.post-summary')
    assert.deepEqual(await articleIds(page), idsBefore, 'loaded posts are still there after Back')
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 200, scrollBefore, {
      timeout: 5_000,
    })

    // Whether Back came from the browser's cache or not, the address alone rebuilds the list.
    await page.reload()
    assert.deepEqual(
      await articleIds(page),
      idsBefore,
      'the server rebuilds the list from the address',
    )

    assert.deepEqual(foreignRequests, [])
    assert.deepEqual(await context.cookies(), [])
    await context.close()
  })

  it('moves keyboard focus to the first new post after Load More, without jumping', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1024, height: 700 } })
    const page = await context.newPage()
    await page.goto(session.worker.url + '/')
    await htmxReady(page)
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement!
        const article = element.closest('article.post-summary')
        return {
          loadMore: element.matches('a.load-more'),
          index: article
            ? Array.from(document.querySelectorAll('article.post-summary')).indexOf(article)
            : -1,
          title: element.closest('h2') !== null,
        }
      })

    // Whether focus reached "Load More Posts", even if the link was replaced right after (it loads
    // as soon as it comes into view, sometimes before a check could see it focused).
    await page.evaluate(() =>
      document.addEventListener('focusin', (event) => {
        if ((event.target as Element).matches('a.load-more'))
          (window as unknown as { reachedLoadMore: boolean }).reachedLoadMore = true
      }),
    )
    const reached = () =>
      page.evaluate(() => {
        const state = window as unknown as { reachedLoadMore?: boolean }
        return state.reachedLoadMore === true
      })
    const tabToLoadMore = async () => {
      await page.evaluate(() => {
        ;(window as unknown as { reachedLoadMore: boolean }).reachedLoadMore = false
      })
      for (let presses = 0; presses < 200 && !(await reached()); presses++) {
        await page.keyboard.press('Tab')
      }
    }

    // Tab, and only Tab, down to "Load More Posts"; it loads as it comes into view.
    await tabToLoadMore()
    assert.equal(await reached(), true, 'Tab reaches Load More Posts')
    await page.waitForFunction(() => document.querySelectorAll('article.post-summary').length >= 20)
    await page.waitForFunction(() => document.activeElement?.closest('article') !== null)
    assert.deepEqual(await focused(), { loadMore: false, index: 10, title: true })
    const scrolled = await page.evaluate(() => window.scrollY)
    await page.keyboard.press('Tab')
    assert.equal((await focused()).index, 10, 'the next Tab stays in the new post, not the footer')
    assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled) < 200)
    assert.match((await page.textContent('#feed-status')) ?? '', /10 more posts loaded/)

    // And again from there, still with Tab only.
    await tabToLoadMore()
    assert.equal(await reached(), true, 'Tab reaches the next Load More Posts')
    await page.waitForFunction(() => document.querySelectorAll('article.post-summary').length >= 30)
    await page.waitForFunction(() => document.activeElement?.closest('article') !== null)
    // Posts may have loaded on their own as Tab scrolled down: focus is on the first of the
    // chunk that the focused link loaded, at the post's title.
    const second = await focused()
    assert.equal(second.title, true)
    assert.ok(second.index >= 20 && second.index % 10 === 0, `focused post ${second.index}`)
    await context.close()
  })

  it('fetches htmx only after the first paint, then upgrades the list', async () => {
    const context = await session.browser.newContext({ viewport: { width: 412, height: 900 } })
    const page = await context.newPage()
    const refused: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) refused.push(message.text())
    })
    await page.goto(session.worker.url + '/')
    await htmxReady(page)
    const timing = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      htmxRequested: performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.includes('/js/htmx.'))?.startTime,
    }))
    assert.ok(timing.firstPaint !== undefined && timing.htmxRequested !== undefined)
    assert.ok(timing.htmxRequested >= timing.firstPaint, JSON.stringify(timing))
    await scrollToBottomAndWaitFor(page, 20)
    // The inline stylesheet and icon are allowed by the page's own policy.
    assert.deepEqual(refused, [])
    assert.notEqual(
      await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth),
      'none',
      'the inline stylesheet applies',
    )
    await context.close()
  })

  it('works without JavaScript by following the link to full pages', async () => {
    const expected = await expectedFirstThirty()
    const context = await session.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(session.worker.url + '/')
    assert.deepEqual(await articleIds(page), expected.slice(0, 10))
    await page.click('a.load-more')
    await page.waitForURL(/\?after=/)
    assert.deepEqual(await articleIds(page), expected.slice(10, 20))
    const secondPage = page.url()
    await page.click('a.load-more')
    await page.waitForURL(
      (url) => url.search.startsWith('?after=') && url.toString() !== secondPage,
    )
    assert.deepEqual(await articleIds(page), expected.slice(20, 30))
    await context.close()
  })
})
