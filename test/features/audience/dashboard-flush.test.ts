import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../../src/index'
import { flushAudience } from '../../../src/features/audience/shards'
import { recordUnrecorded } from '../../../src/features/audience/unrecorded'
import { dayOf } from '../../../src/features/audience/visitor'
import { epochToZonedInputs } from '../../../src/lib/dates'
import { createAuthorAndCategories, createPublishedPosts } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

let owner: string
let editor: string

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  await createPublishedPosts(2, author.id)
  await createEditor('owner@blog.example', 'owner')
  await createEditor('editor@blog.example', 'editor')
  owner = await logIn('owner@blog.example')
  editor = await logIn('editor@blog.example')
})

async function read(n: number) {
  const ctx = createExecutionContext()
  const response = await worker.fetch(
    new Request('https://blog.example/posts/post-1', {
      headers: { 'User-Agent': CHROME, 'CF-Connecting-IP': `192.0.2.${n}` },
    }) as Parameters<typeof worker.fetch>[0],
    env,
    ctx,
  )
  await response.text()
  await waitOnExecutionContext(ctx)
}

const dashboard = async (cookie = owner) =>
  (await request('/admin/analytics?range=7', { cookie })).text()

describe('the dashboard and the shards', () => {
  it('shows the figures the shards have flushed, and up to when they go', async () => {
    await Promise.all([1, 2, 3, 3].map(read))
    const before = await dashboard()
    expect(before).toMatch(/<dt>Page views<\/dt><dd>0<\/dd>/)
    expect(before).toContain('No view has reached these figures yet')

    const flushedAround = Date.now()
    await flushAudience(env)
    const after = await dashboard()
    expect(after).toMatch(/<dt>Page views<\/dt><dd>4<\/dd>/)
    const today = dayOf(Date.now(), env.SITE_TIMEZONE)
    expect(after).toContain(
      `<th scope="row">${today}</th><td class="number">4</td><td class="number">3</td>`,
    )
    const [, shown] = /Counted up to (\d\d:\d\d): views reach these figures/.exec(after)!
    const minutes = [flushedAround - 60_000, flushedAround, Date.now()].map(
      (at) => epochToZonedInputs(at, env.SITE_TIMEZONE).time,
    )
    expect(minutes).toContain(shown)

    const csv = await (await request('/admin/analytics.csv?range=7', { cookie: owner })).text()
    expect(csv).toContain(`${today},page,/posts/post-1,4`)
    expect(csv).toContain(`${today},unique_visitors_that_day,,3`)
  })

  it('tells the owner, and only when there are some, how many views could not be recorded', async () => {
    expect(await dashboard()).not.toContain('could not be recorded')
    const today = dayOf(Date.now(), env.SITE_TIMEZONE)
    await recordUnrecorded(env.DB, new Map([[today, 5]]), new Error('shard unreachable'))
    expect(await dashboard()).toMatch(/<dt>Views that could not be recorded<\/dt><dd>5<\/dd>/)
    expect(await dashboard(editor)).not.toContain('could not be recorded')
  })
})
