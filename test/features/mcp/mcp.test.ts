import { beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { eq } from 'drizzle-orm'
import { accessTokens, posts } from '../../../src/db/schema'
import { createAuthorAndCategories, createPublishedPosts, db, postInput } from '../../fixtures'
import { createPost } from '../../../src/features/posts/writes'
import { createEditor, logIn, request } from '../../admin-helpers'
import { connect, errorText, LOCAL, structured, tokenFor, toWorker } from './mcp-helpers'

const fixtures = `http://127.0.0.1:${inject('fixturePort')}`

let owner: { id: number }
let cookie: string
let categoryId: number
let authorId: number

beforeAll(async () => {
  const { author, essays } = await createAuthorAndCategories()
  categoryId = essays.id
  authorId = author.id
  await createPublishedPosts(3, author.id, [essays.id])
  owner = await createEditor('owner@blog.example', 'owner')
  cookie = await logIn('owner@blog.example')
})

type PostResult = { id: number; slug: string; version: number; status: string; views: number }

describe('the MCP server', () => {
  it('lists its tools, each with an input and an output schema', async () => {
    const client = await connect(await tokenFor(owner.id, 'read'))
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toEqual([
      'search_posts',
      'list_posts',
      'get_post',
      'create_post',
      'update_post',
      'publish_post',
      'schedule_post',
      'unpublish_post',
      'create_note',
      'upload_image',
      'list_categories',
      'get_audience',
      'list_comments',
      'approve_comment',
      'spam_comment',
      'get_subscriber_counts',
    ])
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object')
      expect(tool.outputSchema?.type, tool.name).toBe('object')
    }
    const update = tools.find((tool) => tool.name === 'update_post')!
    expect(update.inputSchema.required).toEqual(['version'])
    expect(Object.keys(update.inputSchema.properties!)).toEqual(
      expect.arrayContaining(['id', 'slug', 'version', 'title', 'markdown']),
    )
  })

  it('searches the published posts, with their ids, slugs, versions and views', async () => {
    const client = await connect(await tokenFor(owner.id, 'read'))
    const result = await client.callTool({ name: 'search_posts', arguments: { query: 'Post 2' } })
    const { results } = structured<{ results: (PostResult & { title: string })[] }>(result)
    expect(results[0]).toMatchObject({ slug: 'post-2', title: 'Post 2', status: 'published' })
    expect(results[0].id).toBeGreaterThan(0)
    expect(results[0].version).toBe(1)
    expect(results[0].views).toBe(0)
    // The same data as JSON text, for clients that read only text.
    const text = (result.content as { type: string; text: string }[])[0]
    expect(JSON.parse(text.text)).toEqual(result.structuredContent)
  })

  it('creates a draft the admin shows, and lists it as a draft', async () => {
    const client = await connect(await tokenFor(owner.id, 'write_drafts'))
    const created = structured<PostResult>(
      await client.callTool({
        name: 'create_post',
        arguments: {
          title: 'Written by an agent',
          markdown: 'Hello <script>alert(1)</script> **world**',
          categoryIds: [categoryId],
        },
      }),
    )
    expect(created).toMatchObject({ slug: 'written-by-an-agent', status: 'draft', version: 1 })
    const [row] = await db.select().from(posts).where(eq(posts.id, created.id))
    // Through the admin's save: rendered and sanitized like any post.
    expect(row.html).toContain('<strong>world</strong>')
    expect(row.html).not.toContain('<script')
    const admin = await request(`/admin/posts/${created.id}`, { cookie })
    expect(admin.status).toBe(200)
    expect(await admin.text()).toContain('Written by an agent')
    const drafts = structured<{ posts: PostResult[] }>(
      await client.callTool({ name: 'list_posts', arguments: { status: 'draft' } }),
    )
    expect(drafts.posts.map((post) => post.id)).toContain(created.id)
    // Readers do not see it.
    expect((await request('/posts/written-by-an-agent')).status).toBe(404)
  })

  it('refuses an update made from a stale version, naming the current one', async () => {
    const client = await connect(await tokenFor(owner.id, 'write_drafts'))
    const { id } = structured<PostResult>(
      await client.callTool({
        name: 'create_post',
        arguments: { title: 'Versioned', markdown: 'v1' },
      }),
    )
    const second = structured<PostResult>(
      await client.callTool({
        name: 'update_post',
        arguments: { id, version: 1, markdown: 'v2' },
      }),
    )
    expect(second.version).toBe(2)
    const stale = await client.callTool({
      name: 'update_post',
      arguments: { id, version: 1, markdown: 'lost update' },
    })
    expect(stale.isError).toBe(true)
    expect(errorText(stale)).toMatch(/Conflict: post \d+ is at version 2 now, not 1/)
    const got = structured<{ markdown: string; version: number }>(
      await client.callTool({ name: 'get_post', arguments: { id } }),
    )
    expect(got).toMatchObject({ markdown: 'v2', version: 2 })
  })

  it('gives a post in another script its encoded address, and leaves pages to the admin', async () => {
    const publisher = await connect(await tokenFor(owner.id, 'publish'))
    const created = structured<PostResult>(
      await publisher.callTool({
        name: 'create_post',
        arguments: { title: 'Café crème', slug: 'café-crème', markdown: 'Chaud.' },
      }),
    )
    const published = structured<PostResult & { url: string }>(
      await publisher.callTool({
        name: 'publish_post',
        arguments: { id: created.id, version: created.version },
      }),
    )
    expect(published.url).toBe(`${LOCAL}/posts/${encodeURIComponent('café-crème')}`)
    expect((await toWorker(published.url, { redirect: 'manual' })).status).toBe(200)

    const pageId = await createPost(
      db,
      postInput({ slug: 'colophon', title: 'Colophon', authorId, kind: 'page' }),
    )
    const refused = await publisher.callTool({
      name: 'update_post',
      arguments: { id: pageId, version: 1, title: 'Taken over' },
    })
    expect(refused.isError).toBe(true)
    expect(errorText(refused)).toContain(`There is no post ${pageId}`)
    const [page] = await db.select().from(posts).where(eq(posts.id, pageId))
    expect(page.title).toBe('Colophon')
  })

  it('publishes with a Publish token, and refuses a draft-only token, naming the scope', async () => {
    const drafts = await connect(await tokenFor(owner.id, 'write_drafts'))
    const { id, version } = structured<PostResult>(
      await drafts.callTool({
        name: 'create_post',
        arguments: { title: 'To publish', markdown: 'Hi' },
      }),
    )
    const refused = await drafts.callTool({ name: 'publish_post', arguments: { id, version } })
    expect(refused.isError).toBe(true)
    expect(errorText(refused)).toContain('“Publish” scope (publish)')
    const readerPage = () => toWorker(`${LOCAL}/posts/to-publish`, { redirect: 'manual' })
    expect((await readerPage()).status).toBe(404)

    const publisher = await connect(await tokenFor(owner.id, 'publish'))
    const published = structured<PostResult & { url: string }>(
      await publisher.callTool({
        name: 'publish_post',
        arguments: { slug: 'to-publish', version },
      }),
    )
    expect(published).toMatchObject({ status: 'published', version: version + 1 })
    expect(published.url).toBe(`${LOCAL}/posts/to-publish`)
    // At once, though the 404 was cached: the write refreshed this data centre's content state.
    expect((await readerPage()).status).toBe(200)

    const unpublished = structured<PostResult>(
      await publisher.callTool({
        name: 'unpublish_post',
        arguments: { id, version: published.version },
      }),
    )
    expect(unpublished.status).toBe('draft')
    const at = new Date(Date.now() + 86_400_000).toISOString()
    const scheduled = structured<PostResult>(
      await publisher.callTool({
        name: 'schedule_post',
        arguments: { id, version: unpublished.version, at },
      }),
    )
    expect(scheduled.status).toBe('scheduled')
    // A scheduled post is live text to come: a draft-only token may not edit it.
    const edit = await drafts.callTool({
      name: 'update_post',
      arguments: { id, version: scheduled.version, title: 'Changed' },
    })
    expect(errorText(edit)).toContain('needs the “Publish” scope')
  })

  it('refuses every write to a read-only token', async () => {
    const client = await connect(await tokenFor(owner.id, 'read'))
    const writes: [string, Record<string, unknown>][] = [
      ['create_post', { title: 'No', markdown: 'no' }],
      ['update_post', { id: 1, version: 1, title: 'No' }],
      ['publish_post', { id: 1, version: 1 }],
      ['schedule_post', { id: 1, version: 1, at: '2099-01-01T00:00:00Z' }],
      ['unpublish_post', { id: 1, version: 1 }],
      ['create_note', { url: `${fixtures}/opengraph.html` }],
      ['upload_image', { base64: 'AAAA', alt: 'x' }],
    ]
    const before = await db.select({ id: posts.id, version: posts.version }).from(posts)
    for (const [name, args] of writes) {
      const result = await client.callTool({ name, arguments: args })
      expect(result.isError, name).toBe(true)
      expect(errorText(result), name).toMatch(/needs the “(Write drafts|Publish)” scope/)
    }
    expect(await db.select({ id: posts.id, version: posts.version }).from(posts)).toEqual(before)
  })

  it('answers 401 with a challenge without a token, and to revoked and expired tokens', async () => {
    const call = (token?: string) =>
      toWorker(`${LOCAL}/mcp`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      })
    const none = await call()
    expect(none.status).toBe(401)
    expect(none.headers.get('WWW-Authenticate')).toBe(
      `Bearer resource_metadata="${LOCAL}/.well-known/oauth-protected-resource/mcp"`,
    )
    expect((await call('eb_pat_made-up')).headers.get('WWW-Authenticate')).toContain(
      'error="invalid_token"',
    )

    const token = await tokenFor(owner.id, 'read')
    expect((await call(token)).status).toBe(200)
    await db.delete(accessTokens).where(eq(accessTokens.name, 'read token'))
    expect((await call(token)).status).toBe(401)

    const expiring = await tokenFor(owner.id, 'publish')
    expect((await call(expiring)).status).toBe(200)
    await db
      .update(accessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessTokens.name, 'publish token'))
    expect((await call(expiring)).status).toBe(401)
  })

  it('answers GET with 405: there is no stream to open', async () => {
    const response = await toWorker(`${LOCAL}/mcp`, { headers: { Accept: 'text/event-stream' } })
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('POST')
  })

  it('makes a draft note from a page, read through the safe fetcher', async () => {
    const client = await connect(await tokenFor(owner.id, 'write_drafts'))
    const note = structured<PostResult & { kind: string; title: string }>(
      await client.callTool({
        name: 'create_note',
        arguments: { url: `${fixtures}/opengraph.html`, comment: 'Worth reading.' },
      }),
    )
    expect(note).toMatchObject({
      kind: 'note',
      status: 'draft',
      title: 'L’hôtellerie « de marque » se réinvente',
    })
    const [row] = await db.select().from(posts).where(eq(posts.id, note.id))
    expect(row.excerpt).toBe('Les groupes hôteliers misent sur l’expérience.')
    expect(row.sourceSiteName).toBe('Le Monde')
    expect(row.markdown).toBe('Worth reading.')
    // A private address stays refused, whatever the agent asks.
    const refused = await client.callTool({
      name: 'create_note',
      arguments: { url: 'http://10.0.0.1/admin' },
    })
    expect(refused.isError).toBe(true)
    expect(errorText(refused)).toContain('private or local network')
  })
})
