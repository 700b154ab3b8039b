/**
 * An access token made in the admin with Chromium, against the real `npm start` (wrangler dev, as
 * a new user runs the blog), then used as an MCP client would: tools/list on /mcp.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mcpRequest } from '../support/mcp-request'
import { logInOn } from './admin-support'
import { useNpmStartAndBrowser } from './chromium'

const session = useNpmStartAndBrowser()

describe('an access token under npm start', () => {
  it('is created on the account page and lets an MCP client list the tools', async () => {
    const { blog, browser } = session
    const page = await (await browser.newContext()).newPage()
    await logInOn(page, blog.url, blog)

    await page.goto(`${blog.url}/admin/account`)
    await page.getByLabel('Name', { exact: true }).fill('Claude desktop')
    await page.getByLabel('Scope').selectOption({ label: 'Write drafts' })
    await page.getByRole('button', { name: 'Create token' }).click()
    const field = page.getByLabel('New token')
    await field.waitFor()
    assert.equal(await field.getAttribute('readonly'), '')
    const token = await field.inputValue()
    assert.match(token, /^eb_pat_[A-Za-z0-9_-]{43}$/)
    assert.match(
      (await page.locator('ul.access-tokens li').first().textContent()) ?? '',
      /Claude desktop — Write drafts/,
    )

    const response = await fetch(
      `${blog.url}/mcp`,
      mcpRequest(token, { id: 1, method: 'tools/list' }),
    )
    assert.equal(response.status, 200, await response.clone().text())
    const { result } = (await response.json()) as { result: { tools: { name: string }[] } }
    assert.equal(result.tools.length, 16)
    assert.ok(result.tools.some((tool) => tool.name === 'create_post'))

    // The demo owner's token reads the comment queue and the subscriber counts.
    const call = async (name: string, args: Record<string, unknown>) => {
      const answer = await fetch(
        `${blog.url}/mcp`,
        mcpRequest(token, { id: 2, method: 'tools/call', params: { name, arguments: args } }),
      )
      assert.equal(answer.status, 200)
      const { result } = (await answer.json()) as {
        result: { isError?: boolean; structuredContent: Record<string, unknown> }
      }
      assert.notEqual(result.isError, true, JSON.stringify(result))
      return result.structuredContent
    }
    assert.ok(Array.isArray((await call('list_comments', { status: 'pending' })).comments))
    const { counts } = (await call('get_subscriber_counts', {})) as {
      counts: { confirmed: unknown }
    }
    assert.equal(typeof counts.confirmed, 'number')

    // A browser-based client's preflight.
    const preflight = await fetch(`${blog.url}/mcp`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://inspector.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    })
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), '*')

    const refused = await fetch(`${blog.url}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
    })
    assert.equal(refused.status, 401)
    assert.match(refused.headers.get('WWW-Authenticate') ?? '', /^Bearer resource_metadata=/)
  })
})
