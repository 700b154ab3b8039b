import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  auditLog,
  comments,
  mailDeliveries,
  mailOutbox,
  subscriberErasures,
  subscribers,
} from '../../../src/db/schema'
import { createEditor, logIn, request } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import {
  commentForm,
  postComment,
  publishedPost,
  saveSettings,
  storedComments,
  tokenAged,
} from '../comments/comment-helpers'
import { connect, errorText, LOCAL, structured, tokenFor, toWorker } from './mcp-helpers'

let ownerId: number
let authorAccountId: number
let ownerCookie: string
let authorId: number

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  authorId = author.id
  ownerId = (await createEditor('owner@blog.example', 'owner')).id
  authorAccountId = (await createEditor('writer@blog.example', 'author')).id
  ownerCookie = await logIn('owner@blog.example')
  // Every comment waits for moderation.
  await saveSettings(ownerCookie, { moderation: 'all' })
})

type ListedComment = {
  id: number
  status: string
  post: { id: number; slug: string; title: string; kind: string }
  authorName: string
  markdown: string
  truncated: boolean
  createdAt: string
  isReply: boolean
  parentId: number | null
}
type CommentList = {
  comments: ListedComment[]
  nextCursor: string | null
  counts: { pending: number; approved: number; spam: number }
}
type Moderated = { comments: ListedComment[]; changed: number[] }

/** A reader's comment through the post's form, as a browser sends it. */
async function comment(slug: string, postId: number, fields: Record<string, string>) {
  const sent = await postComment(
    `/posts/${slug}/comments`,
    commentForm(await tokenAged(postId), fields),
  )
  expect(sent.status).toBe(202)
  const rows = await storedComments(postId)
  return rows.find((row) => row.markdown === fields.comment)!
}

const readerPage = async (slug: string) => {
  const response = await toWorker(`${LOCAL}/posts/${slug}`)
  expect(response.status).toBe(200)
  return response.text()
}

describe('comment tools', { timeout: 30_000 }, () => {
  it('lists held comments without emails, and approving or spamming one shows on the post at once', async () => {
    const postId = await publishedPost('discussed', authorId)
    const held = await comment('discussed', postId, {
      name: 'Camille',
      email: 'camille@example.org',
      notify: 'on',
      comment: 'A question about *bees*.',
    })
    const junk = await comment('discussed', postId, {
      name: 'Seller',
      email: 'seller@spam.example',
      comment: 'Cheap watches here.',
    })
    // Stored in clear (she asked to hear of replies), and hashed: neither may reach an agent.
    expect(held.email).toBe('camille@example.org')
    expect(held.emailHash).not.toBe('')
    expect(await readerPage('discussed')).not.toContain('A question about')

    const reader = await connect(await tokenFor(ownerId, 'read'))
    const result = await reader.callTool({
      name: 'list_comments',
      arguments: { post: 'discussed' },
    })
    const listed = structured<CommentList>(result)
    expect(listed.comments.map((c) => c.id)).toEqual([junk.id, held.id])
    expect(listed.comments[1]).toMatchObject({
      status: 'pending',
      post: { id: postId, slug: 'discussed', title: 'Post discussed', kind: 'post' },
      authorName: 'Camille',
      markdown: 'A question about *bees*.',
      truncated: false,
      isReply: false,
      parentId: null,
      createdAt: held.createdAt.toISOString(),
    })
    expect(listed.counts.pending).toBeGreaterThanOrEqual(2)
    const everything = JSON.stringify(result)
    const secrets = [held.email, held.emailHash, held.clientHash, junk.emailHash, junk.clientHash]
    expect(secrets.every((secret) => secret.length > 0)).toBe(true)
    for (const secret of secrets) expect(everything).not.toContain(secret)
    // An address cannot be probed through the search either.
    const probe = structured<CommentList>(
      await reader.callTool({ name: 'list_comments', arguments: { query: 'camille@example' } }),
    )
    expect(probe.comments).toEqual([])
    const search = structured<CommentList>(
      await reader.callTool({ name: 'list_comments', arguments: { query: 'bees' } }),
    )
    expect(search.comments.map((c) => c.id)).toEqual([held.id])

    const publisher = await connect(await tokenFor(ownerId, 'publish'))
    const approved = structured<Moderated>(
      await publisher.callTool({ name: 'approve_comment', arguments: { ids: [held.id] } }),
    )
    expect(approved.changed).toEqual([held.id])
    expect(approved.comments[0]).toMatchObject({ id: held.id, status: 'approved' })
    expect(JSON.stringify(approved)).not.toContain(held.email)
    // The reader's page shows it at once, though the page without it was cached.
    expect(await readerPage('discussed')).toContain('A question about <em>bees</em>')

    const spammed = structured<Moderated>(
      await publisher.callTool({ name: 'spam_comment', arguments: { ids: [junk.id] } }),
    )
    expect(spammed.comments[0]).toMatchObject({ id: junk.id, status: 'spam' })
    expect(await readerPage('discussed')).not.toContain('Cheap watches')
    // Spamming an approved comment takes it off the page.
    await publisher.callTool({ name: 'spam_comment', arguments: { ids: [held.id] } })
    expect(await readerPage('discussed')).not.toContain('A question about')
    const spamList = structured<CommentList>(
      await reader.callTool({ name: 'list_comments', arguments: { status: 'spam', post: postId } }),
    )
    expect(spamList.comments.map((c) => c.id).sort()).toEqual([held.id, junk.id].sort())

    // Each change is in the audit log, with the token's name.
    const audit = await db.select().from(auditLog).where(eq(auditLog.event, 'agent_write'))
    const details = audit.map((row) => row.detail)
    expect(details).toContain(
      `approve_comment: comments #${held.id} → approved (token “publish token”)`,
    )
    expect(details).toContain(`spam_comment: comments #${junk.id} → spam (token “publish token”)`)
  })

  it('tells a commenter of an approved reply once, however often it is approved', async () => {
    const postId = await publishedPost('replied', authorId)
    const top = await comment('replied', postId, {
      name: 'Dana',
      email: 'dana@example.org',
      notify: 'on',
      comment: 'First!',
    })
    const publisher = await connect(await tokenFor(ownerId, 'publish'))
    await publisher.callTool({ name: 'approve_comment', arguments: { ids: [top.id] } })
    const reply = await comment('replied', postId, {
      name: 'Eli',
      comment: 'Second.',
      parent: String(top.id),
    })
    const first = structured<Moderated>(
      await publisher.callTool({ name: 'approve_comment', arguments: { ids: [reply.id] } }),
    )
    expect(first.comments[0]).toMatchObject({ isReply: true, parentId: top.id })
    const again = structured<Moderated>(
      await publisher.callTool({ name: 'approve_comment', arguments: { ids: [reply.id] } }),
    )
    expect(again.changed).toEqual([])
    const mails = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, 'dana@example.org'))
    expect(mails).toHaveLength(1)
    expect(mails[0].raw).toContain('Second.')
  })

  it('refuses moderation without the Publish scope or an editor’s role, and unknown ids', async () => {
    const postId = await publishedPost('guarded', authorId)
    const held = await comment('guarded', postId, { name: 'Fay', comment: 'Held for now.' })
    const status = async () =>
      (await db.select().from(comments).where(eq(comments.id, held.id)))[0].status

    const drafts = await connect(await tokenFor(ownerId, 'write_drafts'))
    const refused = await drafts.callTool({
      name: 'approve_comment',
      arguments: { ids: [held.id] },
    })
    expect(refused.isError).toBe(true)
    expect(errorText(refused)).toContain('approve_comment needs the “Publish” scope (publish)')
    // Reading needs only Read.
    const listed = structured<CommentList>(
      await drafts.callTool({ name: 'list_comments', arguments: { post: postId } }),
    )
    expect(listed.comments.map((c) => c.id)).toEqual([held.id])

    // An author publishes their own posts, but moderation is the owner's and editors'.
    const author = await connect(await tokenFor(authorAccountId, 'publish'))
    for (const [name, args] of [
      ['list_comments', {}],
      ['approve_comment', { ids: [held.id] }],
      ['spam_comment', { ids: [held.id] }],
      ['get_subscriber_counts', {}],
    ] as const) {
      const result = await author.callTool({ name, arguments: args })
      expect(result.isError, name).toBe(true)
      expect(errorText(result), name).toContain('is for the owner and editors')
      expect(errorText(result), name).toContain('author role')
    }

    const publisher = await connect(await tokenFor(ownerId, 'publish'))
    const unknown = await publisher.callTool({
      name: 'approve_comment',
      arguments: { ids: [held.id, 987654] },
    })
    expect(unknown.isError).toBe(true)
    expect(errorText(unknown)).toContain('No comment has the id 987654: nothing was changed')
    expect(await status()).toBe('pending')
    expect((await request('/posts/guarded')).status).toBe(200)
  })

  it('answers hostile arguments with tool errors', async () => {
    const publisher = await connect(await tokenFor(ownerId, 'publish'))
    const calls: [string, Record<string, unknown>][] = [
      ['list_comments', { query: 'x'.repeat(100_000) }],
      ['list_comments', { status: 'deleted' }],
      ['list_comments', { limit: 10_000 }],
      ['list_comments', { cursor: 'not-a-cursor' }],
      ['list_comments', { post: 'no-such-post' }],
      ['list_comments', { post: { id: 1 } }],
      ['approve_comment', { ids: [] }],
      ['approve_comment', { ids: Array.from({ length: 51 }, (_, i) => i + 1) }],
      ['approve_comment', { ids: ['1'] }],
      ['spam_comment', { ids: 'x'.repeat(100_000) }],
      ['spam_comment', {}],
    ]
    for (const [name, args] of calls) {
      const result = await publisher.callTool({ name, arguments: args })
      expect(result.isError, `${name} ${JSON.stringify(args).slice(0, 60)}`).toBe(true)
      expect(errorText(result).length).toBeLessThan(1_500)
    }
  })

  it('pages through a long list with the cursor, and clips long texts', async () => {
    const postId = await publishedPost('busy', authorId)
    const now = Date.now()
    await db.insert(comments).values(
      Array.from({ length: 5 }, (_, i) => ({
        postId,
        status: 'pending' as const,
        authorName: `Reader ${i}`,
        markdown: i === 0 ? 'y'.repeat(4_000) : `Comment ${i}`,
        html: '<p>x</p>',
        createdAt: new Date(now - i * 1000),
      })),
    )
    const reader = await connect(await tokenFor(ownerId, 'read'))
    const seen: string[] = []
    let cursor: string | undefined
    let first: CommentList | undefined
    do {
      const page = structured<CommentList>(
        await reader.callTool({
          name: 'list_comments',
          arguments: { post: postId, limit: 2, ...(cursor ? { cursor } : {}) },
        }),
      )
      first ??= page
      expect(page.comments.length).toBeLessThanOrEqual(2)
      seen.push(...page.comments.map((c) => c.authorName))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(['Reader 0', 'Reader 1', 'Reader 2', 'Reader 3', 'Reader 4'])
    expect(first!.comments[0].markdown).toHaveLength(1_000)
    expect(first!.comments[0].truncated).toBe(true)
  })
})

describe('get_subscriber_counts', { timeout: 30_000 }, () => {
  it('gives the counts /admin/subscribers shows, and the latest mailings, without an address', async () => {
    const now = new Date()
    const rows = [
      ['p1@readers.example', 'pending'],
      ['c1@readers.example', 'confirmed'],
      ['c2@readers.example', 'confirmed'],
      ['c3@readers.example', 'confirmed'],
      ['u1@readers.example', 'unsubscribed'],
    ] as const
    const inserted = await db
      .insert(subscribers)
      .values(
        rows.map(([email, state], i) => ({ email, state, token: `token-${i}`, createdAt: now })),
      )
      .returning({ id: subscribers.id })
    await db.insert(subscriberErasures).values({ day: '2026-01-02', count: 2 })
    const postId = await publishedPost('mailed', authorId)
    await db.insert(mailDeliveries).values([
      { postId, subscriberId: inserted[1].id, status: 'sent' },
      { postId, subscriberId: inserted[2].id, status: 'sent' },
      { postId, subscriberId: inserted[3].id, status: 'failed' },
      { postId, subscriberId: null, status: 'queued' },
    ])

    // An editor's account, as /admin/subscribers allows.
    const editorId = (await createEditor('editor@blog.example', 'editor')).id
    const result = await (
      await connect(await tokenFor(editorId, 'read'))
    ).callTool({ name: 'get_subscriber_counts', arguments: {} })
    const data = structured<{
      counts: Record<string, number>
      mailings: { postId: number; title: string; queued: number; sent: number; failed: number }[]
    }>(result)

    const html = await (await request('/admin/subscribers', { cookie: ownerCookie })).text()
    const shown = (state: string) =>
      Number(new RegExp(`<dd id="count-${state}">(\\d+)</dd>`).exec(html)?.[1])
    expect(data.counts).toEqual({
      pending: shown('pending'),
      confirmed: shown('confirmed'),
      unsubscribed: shown('unsubscribed'),
      erased: shown('erased'),
    })
    expect(data.counts).toEqual({ pending: 1, confirmed: 3, unsubscribed: 1, erased: 2 })
    expect(data.mailings).toEqual([{ postId, title: 'Post mailed', queued: 1, sent: 2, failed: 1 }])
    expect(JSON.stringify(result)).not.toContain('@readers.example')
  })
})

describe('tools/list and CORS', () => {
  it('lists the comment and subscriber tools, with the scope and role they need', async () => {
    const client = await connect(await tokenFor(ownerId, 'read'))
    const { tools } = await client.listTools()
    const names = tools.map((tool) => tool.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'list_comments',
        'approve_comment',
        'spam_comment',
        'get_subscriber_counts',
      ]),
    )
    const approve = tools.find((tool) => tool.name === 'approve_comment')!
    expect(approve.description).toContain(
      'Needs the publish scope, and the owner’s or an editor’s account',
    )
    expect(approve.inputSchema.required).toEqual(['ids'])
    expect(approve.outputSchema?.type).toBe('object')
  })

  it('answers a browser client’s preflight, and lets it read every answer, 401 included', async () => {
    const preflight = await toWorker(`${LOCAL}/mcp`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:6274',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization,content-type,mcp-protocol-version,mcp-session-id',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('POST')
    const allowed = preflight.headers.get('Access-Control-Allow-Headers')!.toLowerCase().split(',')
    for (const header of [
      'authorization',
      'content-type',
      'mcp-protocol-version',
      'mcp-session-id',
    ])
      expect(allowed).toContain(header)
    const exposed = preflight.headers.get('Access-Control-Expose-Headers')!.toLowerCase()
    expect(exposed).toContain('mcp-session-id')
    expect(exposed).toContain('www-authenticate')
    expect(Number(preflight.headers.get('Access-Control-Max-Age'))).toBeGreaterThan(0)
    expect(preflight.headers.get('Access-Control-Allow-Credentials')).toBeNull()

    const call = (headers: Record<string, string>) =>
      toWorker(`${LOCAL}/mcp`, {
        method: 'POST',
        headers: {
          Origin: 'http://localhost:6274',
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      })
    const unauthenticated = await call({})
    expect(unauthenticated.status).toBe(401)
    expect(unauthenticated.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(unauthenticated.headers.get('WWW-Authenticate')).toContain('resource_metadata=')
    // The owner's admin session is no credential here.
    const withCookie = await call({ Cookie: ownerCookie })
    expect(withCookie.status).toBe(401)
    expect(withCookie.headers.get('Access-Control-Allow-Credentials')).toBeNull()
    const authenticated = await call({ Authorization: `Bearer ${await tokenFor(ownerId, 'read')}` })
    expect(authenticated.status).toBe(200)
    expect(authenticated.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })
})
