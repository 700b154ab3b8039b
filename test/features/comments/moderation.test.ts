import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { comments, posts, users } from '../../../src/db/schema'
import { createEditor, logIn, postFields, request } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { emlText, header, linkIn, localRequest, outboxEntries, parseMail } from '../../mail-helpers'
import {
  commentForm,
  postComment,
  publishedPost,
  saveSettings,
  storedComments,
  tokenAged,
} from './comment-helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let owner: string

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  const account = await createEditor('owner@blog.example', 'owner')
  // The owner writes as Claire Dubois, the posts' author: told of comments, replies as her.
  await db.update(users).set({ authorId: ids.author.id }).where(eq(users.id, account.id))
  owner = await logIn('owner@blog.example')
})

const adminPage = async (path: string) => {
  const response = await request(path, { cookie: owner })
  expect(response.status).toBe(200)
  return response.text()
}

describe('moderation', () => {
  it('tells the author, lists the comment with its forms, and publishes the reply as the author', async () => {
    await saveSettings(owner, { moderation: 'all' })
    const postId = await publishedPost('to-moderate', ids.author.id)
    const sent = await localRequest('/posts/to-moderate/comments', {
      form: commentForm(await tokenAged(postId), {
        name: 'Camille',
        email: 'camille@example.org',
        notify: 'on',
        comment: 'Une question, *vraiment*.',
      }),
    })
    expect(sent.status).toBe(202)
    const [stored] = await storedComments(postId)
    // Asked to hear of replies: kept in clear, until unsubscribed.
    expect(stored.email).toBe('camille@example.org')

    const [toAuthor] = await outboxEntries(owner)
    expect(toAuthor.row).toContain('owner@blog.example')
    const moderate = parseMail(await emlText(await localRequest(toAuthor.eml, { cookie: owner })))
    expect(moderate.parts[0].body).toContain('Camille left a comment on')

    const list = await adminPage('/admin/comments')
    expect(list).toMatch(/href="\/admin\/comments"[^>]*>Comments<span class="nav-count"> \(1\)/)
    const entry = new RegExp(
      `<li class="admin-comment" id="comment-${stored.id}"[\\s\\S]*?</li>`,
    ).exec(list)![0]
    expect(entry).toContain('<em>vraiment</em>')
    for (const action of ['approve', 'spam', 'delete'])
      expect(entry).toContain(`action="/admin/comments/${stored.id}/${action}"`)

    const approved = await request(`/admin/comments/${stored.id}/approve`, {
      cookie: owner,
      form: {},
    })
    expect(approved.status).toBe(303)
    const replied = await localRequest(`/admin/comments/${stored.id}/reply`, {
      cookie: owner,
      form: { reply: 'Bonne question.' },
    })
    expect(replied.status).toBe(303)
    const rows = await storedComments(postId)
    const reply = rows.find((row) => row.parentId === stored.id)!
    expect(reply).toMatchObject({ status: 'approved', authorId: ids.author.id })
    const page = await (await request('/posts/to-moderate')).text()
    expect(page).toMatch(/Camille[\s\S]*comment-replies[\s\S]*Claire Dubois[\s\S]*Bonne question/)

    // The commenter hears of the reply, and can stop with one click, without signing in.
    const [toCommenter] = await outboxEntries(owner)
    expect(toCommenter.row).toContain('camille@example.org')
    const mail = parseMail(await emlText(await localRequest(toCommenter.eml, { cookie: owner })))
    const link = linkIn(mail, `/admin/comments/unsubscribe/${stored.id}/`)
    expect(header(mail, 'list-unsubscribe')).toContain(new URL(link).pathname)
    const path = new URL(link).pathname
    const ask = await request(path)
    expect(ask.status).toBe(200)
    expect(ask.headers.get('Set-Cookie')).toBeNull()
    expect((await db.select().from(comments).where(eq(comments.id, stored.id)))[0].email).toBe(
      'camille@example.org',
    )
    const done = await request(path, { form: {} })
    expect(done.status).toBe(200)
    const [after] = await db.select().from(comments).where(eq(comments.id, stored.id))
    expect(after).toMatchObject({ email: '', notifyReplies: false })
    // A forged link does nothing.
    expect(
      (await request(`/admin/comments/unsubscribe/${stored.id}/${'A'.repeat(22)}`)).status,
    ).toBe(404)
  })

  it('counts, searches by text, name or email, and acts on many at once', async () => {
    await saveSettings(owner, { moderation: 'all' })
    const postId = await publishedPost('many', ids.author.id)
    const path = '/posts/many/comments'
    for (const [name, email, text] of [
      ['Alpha', 'alpha@example.org', 'About bees'],
      ['Beta', '', 'About birds'],
      ['Gamma', '', 'Something else'],
    ])
      await postComment(
        path,
        commentForm(await tokenAged(postId), { name, email, notify: 'on', comment: text }),
      )
    const rows = await storedComments(postId)
    expect(await adminPage('/admin/comments?q=birds')).toContain('About birds')
    expect(await adminPage('/admin/comments?q=birds')).not.toContain('About bees')
    expect(await adminPage('/admin/comments?q=Gamma')).toContain('Something else')
    const byEmail = await adminPage('/admin/comments?q=alpha%40example')
    expect(byEmail).toContain('About bees')
    expect(byEmail).not.toContain('Something else')
    // LIKE's own wildcards are searched as typed.
    expect(await adminPage('/admin/comments?q=%25')).not.toContain('About bees')

    const spam = rows.filter((row) => row.authorName !== 'Gamma').map((row) => String(row.id))
    const bulk = await request('/admin/comments/bulk', {
      cookie: owner,
      form: { action: 'spam', ids: spam },
    })
    expect(bulk.status).toBe(303)
    const statuses = Object.fromEntries(
      (await storedComments(postId)).map((row) => [row.authorName, row.status]),
    )
    expect(statuses).toEqual({ Alpha: 'spam', Beta: 'spam', Gamma: 'pending' })
    const spamList = await adminPage('/admin/comments?status=spam')
    expect(spamList).toContain('About bees')
    expect(spamList).toMatch(/Spam \(<span class="count-spam">2<\/span>\)/)
    await request('/admin/comments/bulk', { cookie: owner, form: { action: 'delete', ids: spam } })
    expect((await storedComments(postId)).map((row) => row.authorName)).toEqual(['Gamma'])
  })

  it('tells of an approved reply once, though it is approved again, or rescued from spam', async () => {
    await saveSettings(owner, { moderation: 'all' })
    const postId = await publishedPost('approved-twice', ids.author.id)
    const path = '/posts/approved-twice/comments'
    await postComment(
      path,
      commentForm(await tokenAged(postId), {
        name: 'Hana',
        email: 'hana@example.org',
        notify: 'on',
        comment: 'Top.',
      }),
    )
    const [top] = await storedComments(postId)
    const approve = (id: number) =>
      localRequest(`/admin/comments/${id}/approve`, { cookie: owner, form: {} })
    expect((await approve(top.id)).status).toBe(303)
    await postComment(
      path,
      commentForm(await tokenAged(postId), {
        name: 'Ivo',
        comment: 'Reply.',
        parent: String(top.id),
      }),
    )
    const reply = (await storedComments(postId)).find((row) => row.parentId === top.id)!
    expect((await approve(reply.id)).status).toBe(303)
    // The bulk form may hold an approved comment again (a second tab, a double click).
    const again = await localRequest('/admin/comments/bulk', {
      cookie: owner,
      form: { action: 'approve', ids: String(reply.id) },
    })
    expect(again.status).toBe(303)
    // Marked spam, then rescued: approved anew, and still told of once.
    const spam = await localRequest(`/admin/comments/${reply.id}/spam`, { cookie: owner, form: {} })
    expect(spam.status).toBe(303)
    expect((await approve(reply.id)).status).toBe(303)
    const toHana = (await outboxEntries(owner)).filter((entry) =>
      entry.row.includes('hana@example.org'),
    )
    expect(toHana).toHaveLength(1)
  })

  it('lets the editor close comments on a post from its form', async () => {
    await saveSettings(owner, { moderation: 'none' })
    const postId = await publishedPost('closing', ids.author.id)
    const [post] = await db.select().from(posts).where(eq(posts.id, postId))
    const form = postFields(ids.author.id, {
      title: post.title,
      slug: post.slug,
      markdown: post.markdown,
      language: 'en',
      status: 'published',
      version: String(post.version),
      commentsClosed: 'on',
    })
    const saved = await request(`/admin/posts/${postId}`, { cookie: owner, form })
    expect(saved.status).toBe(303)
    const [closed] = await db.select().from(posts).where(eq(posts.id, postId))
    expect(closed.commentsOpen).toBe(false)
    const editor = await adminPage(`/admin/posts/${postId}`)
    expect(editor).toMatch(/name="commentsClosed" value="on" checked/)
    const refused = await postComment(
      '/posts/closing/comments',
      commentForm(await tokenAged(postId)),
    )
    expect(refused.status).toBe(403)
    // Without comments to show, a closed post shows no comments section at all.
    expect(await (await request('/posts/closing')).text()).not.toContain('id="comments"')
  })
})
