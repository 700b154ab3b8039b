import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { demoPosts } from '../../src/cli/demo-content'
import * as samples from '../media-samples'
import { addOwner, logIn, PEPPER } from './admin-support'
import { useWorkerAndBrowser } from './chromium'

const session = useWorkerAndBrowser({ demoContent: true, vars: { AUTH_PEPPER: PEPPER } }, addOwner)

const VISUAL = '.ve-text[contenteditable=true]'

async function editorPage(path: string, viewport = { width: 1280, height: 1000 }, ready = VISUAL) {
  const context = await session.browser.newContext({ viewport })
  await logIn(context, session.worker.url)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await page.goto(`${session.worker.url}${path}`)
  await page.waitForSelector(ready)
  return { context, page, errors }
}

async function d1() {
  return session.worker.miniflare.getD1Database('DB')
}

async function storedPost(slug: string) {
  const db = await d1()
  const post = await db
    .prepare('SELECT id, markdown, version FROM posts WHERE slug = ?')
    .bind(slug)
    .first<{ id: number; markdown: string; version: number }>()
  const revisions = await db
    .prepare('SELECT count(*) AS n FROM post_revisions WHERE post_id = ?')
    .bind(post!.id)
    .first<{ n: number }>()
  return { ...post!, revisions: revisions!.n }
}

async function save(page: Page) {
  await Promise.all([
    page.waitForURL(/\/admin\/posts\/\d+\?saved=1$/),
    page.click('form.post-form > .form-actions button[type=submit]'),
  ])
}

async function closeAll(context: BrowserContext, errors: string[]) {
  await context.close()
  assert.deepEqual(errors, [])
}

describe('the visual editor in Chromium', () => {
  it('turns shortcuts and Markdown typing rules into a published post', async () => {
    const { context, page, errors } = await editorPage('/admin/posts/new')
    // The textarea is still the form's field, out of sight behind the visual view.
    assert.equal(await page.isHidden('textarea[name=markdown]'), true)
    await page.fill('input[name=title]', 'Typed visually')
    const text = page.locator(VISUAL)
    await text.click()
    await page.keyboard.type('## Arrival')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Guests want ')
    await page.keyboard.press('Control+b')
    await page.keyboard.type('warmth')
    await page.keyboard.press('Control+b')
    await page.keyboard.type(' and **light** first.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('- a chair')
    await page.keyboard.press('Enter')
    await page.keyboard.type('a lamp')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Read the ')
    await page.keyboard.press('Control+k')
    await page.waitForSelector('dialog.ve-link-dialog[open]')
    await page.keyboard.type('/privacy')
    await page.keyboard.press('Enter')
    await page.waitForSelector('dialog.ve-link-dialog:not([open])', { state: 'attached' })
    // The dialog inserts the link on its close event: the next key waits for it to be in.
    await page.waitForSelector(`${VISUAL} a[href="/privacy"]`)
    await page.keyboard.type('.')
    assert.equal(
      await page.inputValue('textarea[name=markdown]'),
      '## Arrival\n\nGuests want **warmth** and **light** first.\n\n- a chair\n- a lamp\n\nRead the [/privacy](/privacy).',
    )
    assert.equal(await page.textContent('.ve-count'), '14 words · 1 min read')
    await page.check('input[name=status][value=published]')
    await save(page)
    await page.goto(`${session.worker.url}/posts/typed-visually`)
    assert.equal(await page.textContent('.post-body h2'), 'Arrival')
    assert.deepEqual(await page.locator('.post-body strong').allTextContents(), ['warmth', 'light'])
    assert.deepEqual(await page.locator('.post-body ul > li').allTextContents(), [
      'a chair',
      'a lamp',
    ])
    assert.equal(await page.getAttribute('.post-body p a', 'href'), '/privacy')
    await closeAll(context, errors)
  })

  it('keeps only the allowed structure of pasted rich text', async () => {
    const { context, page, errors } = await editorPage('/admin/posts/new')
    await page.locator(VISUAL).click()
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.setData(
        'text/html',
        '<h2 style="color:red" class="x">Heading</h2><p onclick="alert(1)">Some <b>bold</b> and <a href="https://example.org/" onmouseover="alert(2)">a link</a></p>' +
          '<script>window.pwned = true</script><img src="x" onerror="window.pwned = true">' +
          '<iframe src="https://example.org/"></iframe><table><tr><th>A</th></tr><tr><td>1</td></tr></table>',
      )
      data.setData('text/plain', 'Heading Some bold and a link')
      document
        .querySelector('.ve-text')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
    })
    await page.waitForSelector('.ve-text h2')
    assert.equal(await page.evaluate(() => 'pwned' in window), false)
    const html = await page.innerHTML('.ve-text')
    assert.doesNotMatch(html, /onerror|onclick|onmouseover|<script|<iframe|<img|color:|class="x"/)
    assert.equal(await page.textContent('.ve-text h2'), 'Heading')
    assert.equal(await page.textContent('.ve-text p strong'), 'bold')
    assert.equal(await page.getAttribute('.ve-text p a', 'href'), 'https://example.org/')
    assert.equal(await page.locator('.ve-text table th').count(), 1)
    assert.match(
      await page.inputValue('textarea[name=markdown]'),
      /^## Heading\n\nSome \*\*bold\*\* and \[a link\]\(https:\/\/example\.org\/\)/,
    )
    await closeAll(context, errors)
  })

  it('grows and shrinks a table by rows and columns, with buttons shown only in the table', async () => {
    const { context, page, errors } = await editorPage('/admin/posts/new')
    const button = (name: string) => page.getByRole('button', { name, exact: true })
    await page.locator(VISUAL).click()
    await page.keyboard.type('Rooms')
    assert.equal(await button('Add a row below').isHidden(), true)
    await button('Table').click()
    await page.keyboard.type('Room')
    await button('Add a column to the right').click()
    await page.keyboard.press('Tab')
    await page.keyboard.type('Price')
    await button('Add a row below').click()
    await button('Add a row below').click()
    const lastRowFirstCell = page.locator('.ve-text table tr').last().locator('td').first()
    await lastRowFirstCell.click()
    await button('Delete this row').click()
    await lastRowFirstCell.click()
    await page.keyboard.type('Suite')
    // Two columns inserted and one added; three rows inserted, two added and one deleted.
    assert.equal(await page.locator('.ve-text table tr').first().locator('th').count(), 3)
    assert.equal(await page.locator('.ve-text table tr').count(), 4)
    await page.locator('.ve-text table th').nth(2).click()
    await button('Delete this column').click()
    assert.equal(await page.locator('.ve-text table tr').first().locator('th').count(), 2)
    const markdown = await page.inputValue('textarea[name=markdown]')
    assert.match(markdown, /^Rooms\n\n\| Room +\| Price *\|\n\| -+ \| -+ \|\n/)
    assert.match(markdown, /\| Suite +\| +\|$/)
    await button('Delete the table').click()
    assert.equal(await page.locator('.ve-text table').count(), 0)
    assert.equal(await button('Add a row below').isHidden(), true)
    await closeAll(context, errors)
  })

  it('shows the Markdown source on demand, and edits made there come back to the visual view', async () => {
    const { context, page, errors } = await editorPage('/admin/posts/new')
    await page.locator(VISUAL).click()
    await page.keyboard.type('First *words*')
    await page.getByRole('button', { name: 'Markdown', exact: true }).click()
    const source = page.locator('textarea[name=markdown]')
    assert.equal(await source.isVisible(), true)
    assert.equal(await page.isHidden('.ve-surface'), true)
    assert.equal(await source.inputValue(), 'First *words*')
    await source.press('End')
    await source.pressSequentially('\n\n> A quote with **weight**', { delay: 5 })
    await page.getByRole('button', { name: 'Visual', exact: true }).click()
    await page.waitForSelector('.ve-text blockquote strong')
    assert.equal(await page.textContent('.ve-text blockquote strong'), 'weight')
    assert.equal(await page.textContent('.ve-text p em'), 'words')
    assert.equal(await source.isHidden(), true)
    await closeAll(context, errors)
  })

  it('opens and saves every demo post without a change to its Markdown and without a revision', async () => {
    const { context, page, errors } = await editorPage(
      '/admin/posts',
      undefined,
      'table.admin-posts',
    )
    for (const demo of demoPosts) {
      const before = await storedPost(demo.slug)
      await page.goto(`${session.worker.url}/admin/posts/${before.id}`)
      await page.waitForSelector(VISUAL)
      // Click into the text and move around: reading is not editing.
      await page.locator(VISUAL).click()
      await page.keyboard.press('Control+End')
      await save(page)
      const after = await storedPost(demo.slug)
      assert.equal(after.markdown, before.markdown, demo.slug)
      assert.equal(after.revisions, before.revisions, demo.slug)
    }
    await closeAll(context, errors)
  })

  it('is usable with the keyboard alone: one tab stop, arrows between buttons', async () => {
    const { context, page, errors } = await editorPage('/admin/posts/new')
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    assert.equal(await toolbar.locator('button[tabindex="0"]').count(), 1)
    await page.locator(VISUAL).click()
    await page.keyboard.type('Loud')
    await page.keyboard.press('Shift+Home')
    // Back from the text to the toolbar, along the toolbar, and in.
    await page.keyboard.press('Shift+Tab')
    assert.equal(
      await page.evaluate(
        () => document.activeElement?.querySelector('.visually-hidden')?.textContent,
      ),
      'Bold',
    )
    await page.keyboard.press('ArrowRight')
    assert.equal(
      await page.evaluate(
        () => document.activeElement?.querySelector('.visually-hidden')?.textContent,
      ),
      'Italic',
    )
    await page.keyboard.press('End')
    assert.equal(
      await page.evaluate(
        () => document.activeElement?.querySelector('.visually-hidden')?.textContent,
      ),
      'Redo',
    )
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    assert.equal(
      await page.evaluate(
        () => document.activeElement?.querySelector('.visually-hidden')?.textContent,
      ),
      'Heading 2',
    )
    await page.keyboard.press('Enter')
    assert.equal(await page.textContent('.ve-text h2'), 'Loud')
    assert.equal(
      await toolbar.getByRole('button', { name: 'Heading 2' }).getAttribute('aria-pressed'),
      'true',
    )
    // The button that was used keeps the one tab stop.
    assert.equal(
      await toolbar.locator('button[tabindex="0"] .visually-hidden').textContent(),
      'Heading 2',
    )
    assert.equal(await page.inputValue('textarea[name=markdown]'), '## Loud')
    await closeAll(context, errors)
  })

  it('fits a 360 px wide screen', async () => {
    const { context, page, errors } = await editorPage('/admin/posts/new', {
      width: 360,
      height: 740,
    })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    assert.equal(overflow, 0)
    const box = await page.locator('.ve-toolbar').boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box))
    const text = await page.locator(VISUAL).boundingBox()
    assert.ok(text && text.width > 250 && text.x + text.width <= 360, JSON.stringify(text))
    await closeAll(context, errors)
  })

  it('inserts an uploaded image at the cursor, shows it, and edits its alt text', async () => {
    const { context, page, errors } = await editorPage('/admin/posts/new')
    await page.locator(VISUAL).click()
    await page.keyboard.type('Before')
    await page.keyboard.press('Enter')
    await page.keyboard.type('After')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('End')
    await page.setInputFiles('#image-file', {
      name: 'volet.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from(samples.gif, 'base64'),
    })
    await page.waitForSelector('#image-alt-dialog[open]')
    await page.fill('#image-alt-input', 'Un volet vert')
    await page.click('#image-alt-dialog button[value=insert]')
    await page.waitForSelector('.ve-text p img')
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.ve-text img')
      return img?.complete && img.naturalWidth === 16
    })
    assert.match(
      await page.inputValue('textarea[name=markdown]'),
      /^Before!\[Un volet vert\]\(\/media\/[0-9a-f]{64}\.gif\)\n\nAfter$/,
    )
    // The alt text, shown beside the image, is edited in the same dialog.
    await page.click('.ve-image .ve-alt')
    await page.waitForSelector('#image-alt-dialog[open]')
    assert.equal(await page.inputValue('#image-alt-input'), 'Un volet vert')
    await page.fill('#image-alt-input', 'Un volet vert, fermé')
    await page.click('#image-alt-dialog button[value=insert]')
    await page.waitForFunction(() =>
      (document.querySelector('textarea[name=markdown]') as HTMLTextAreaElement).value.includes(
        'fermé',
      ),
    )
    assert.equal(await page.getAttribute('.ve-text img', 'alt'), 'Un volet vert, fermé')
    assert.match((await page.textContent('.ve-image .ve-alt')) ?? '', /Un volet vert, fermé/)
    await closeAll(context, errors)
  })

  it('shares a draft through a preview link that works logged out, until it is revoked', async () => {
    const { context, page, errors } = await editorPage('/admin/posts/new')
    await page.fill('input[name=title]', 'Secret menu')
    await page.locator(VISUAL).click()
    await page.keyboard.type('Nothing is *ready* yet.')
    await save(page)
    await page.getByRole('button', { name: 'Share preview' }).click()
    await page.waitForURL(/preview=shared/)
    const address = await page.inputValue('#preview-share input')
    assert.match(address, /\/preview\/\d+\.[0-9a-z]+\.[\w-]+\.[\w-]{43}$/)

    const stranger = await session.browser.newContext()
    const visitor = await stranger.newPage()
    const shown = await visitor.goto(address)
    assert.equal(shown?.status(), 200)
    assert.equal(await visitor.textContent('.post-body em'), 'ready')
    assert.equal(await visitor.getAttribute('meta[name=robots]', 'content'), 'noindex')
    assert.equal(shown?.headers()['cache-control'], 'private, no-store')

    await page.getByRole('button', { name: 'Revoke' }).click()
    await page.waitForURL(/preview=revoked/)
    const gone = await visitor.goto(address)
    assert.equal(gone?.status(), 404)
    assert.deepEqual(await stranger.cookies(), [])
    await stranger.close()
    await closeAll(context, errors)
  })
})
