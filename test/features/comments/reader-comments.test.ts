import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { comments, posts } from '../../../src/db/schema'
import { createEditor, logIn, request } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import {
  commentForm,
  noCookie,
  postComment,
  publishedPost,
  saveSettings,
  storedComments,
  tokenAged,
} from './comment-helpers'

let authorId: number
let cookie: string
let ownerCookie: string

beforeAll(async () => {
  authorId = (await createAuthorAndCategories()).author.id
  await createEditor('moderator@blog.example', 'editor')
  cookie = await logIn('moderator@blog.example')
  await createEditor('owner@blog.example', 'owner')
  ownerCookie = await logIn('owner@blog.example')
})

const setModeration = (moderation: string, extra: object = {}) =>
  saveSettings(ownerCookie, { moderation, ...extra })

async function page(path: string) {
  const response = await request(path)
  noCookie(response)
  return { response, html: await response.text() }
}

describe('a comment without JavaScript', () => {
  it('is held, not shown, then shown once approved, and the cached page is refreshed', async () => {
    await setModeration('first')
    const postId = await publishedPost('held-then-approved', authorId)
    const first = await page('/posts/held-then-approved')
    expect(first.html).toContain('<label for="comment-name">Name</label>')
    expect(first.html).toContain('<label for="comment-email">Email</label>')
    expect(first.html).toContain('<label for="comment-url">Website</label>')
    expect(first.html).toContain('<label for="comment-text">Comment</label>')
    expect(first.html).toContain('action="/posts/held-then-approved/comments"')
    // Cached now: the next reader gets the stored page.
    expect((await page('/posts/held-then-approved')).response.headers.get('X-Page-Cache')).toBe(
      'hit',
    )

    const posted = await postComment(
      '/posts/held-then-approved/comments',
      commentForm(await tokenAged(postId), { comment: 'Held for *now*.' }),
    )
    noCookie(posted)
    expect(posted.status).toBe(202)
    const answer = await posted.text()
    expect(answer).toContain('moderation')
    expect(answer).toContain('<html')

    const [stored] = await storedComments(postId)
    expect(stored.status).toBe('pending')
    const hidden = await page('/posts/held-then-approved')
    expect(hidden.response.headers.get('X-Page-Cache')).toBe('hit')
    expect(hidden.html).not.toContain('Held for')

    const approved = await request(`/admin/comments/${stored.id}/approve`, { cookie, form: {} })
    expect(approved.status).toBe(303)
    const shown = await page('/posts/held-then-approved')
    expect(shown.response.headers.get('X-Page-Cache')).toBe('miss')
    expect(shown.html).toContain('Held for <em>now</em>.')
    expect(shown.html).toContain('Ada')
  })

  it('publishes a known commenter at once, and answers htmx with the form alone', async () => {
    await setModeration('first')
    const postId = await publishedPost('known-commenter', authorId)
    const path = '/posts/known-commenter/comments'
    const email = 'ada@example.org'
    await postComment(path, commentForm(await tokenAged(postId), { email, comment: 'First.' }))
    const [first] = await storedComments(postId)
    expect(first.status).toBe('pending')
    // Only the keyed hash is kept: the reader did not ask to hear of replies.
    expect(first.email).toBe('')
    expect(first.emailHash).not.toContain('ada')
    await db.update(comments).set({ status: 'approved' }).where(eq(comments.id, first.id))

    const again = await postComment(
      path,
      commentForm(await tokenAged(postId), { email: 'ADA@example.org ', comment: 'Second.' }),
      { headers: { 'HX-Request': 'true' } },
    )
    expect(again.status).toBe(201)
    expect(again.headers.get('Vary')).toContain('HX-Request')
    const fragment = await again.text()
    expect(fragment).not.toContain('<html')
    expect(fragment).toMatch(/^<form/)
    expect(fragment).toContain('<p>Second.</p>')
    expect((await page('/posts/known-commenter')).html).toContain('<p>Second.</p>')
  })

  it('keeps hostile names and texts inert', async () => {
    await setModeration('none')
    const postId = await publishedPost('hostile', authorId)
    const response = await postComment(
      '/posts/hostile/comments',
      commentForm(await tokenAged(postId), {
        name: '<script>alert(1)</script>',
        url: 'https://example.org/"><img src=x onerror=alert(2)>',
        comment:
          '<img src=x onerror=alert(3)> [click](javascript:alert(4)) [ok](https://example.org) <iframe src="https://evil.example"></iframe>\n\n# Not a heading',
      }),
    )
    expect(response.status).toBe(201)
    const { html } = await page('/posts/hostile')
    const section = html.slice(html.indexOf('id="comments"'))
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(section).not.toContain('<script>alert')
    expect(section).not.toMatch(/<(img|iframe|script)\b/i)
    expect(section).not.toMatch(/<[a-z]+\b[^>]*\sonerror\s*=/i)
    expect(section).not.toMatch(/href="javascript:/i)
    expect(section).toContain('<a href="https://example.org" rel="nofollow ugc noopener">ok</a>')
    expect(section).not.toContain('<h1>Not a heading')
  })

  it('refuses a filled honeypot and a form sent too fast or too late, storing nothing', async () => {
    await setModeration('none')
    const postId = await publishedPost('bots', authorId)
    const path = '/posts/bots/comments'
    const honeypot = await postComment(path, commentForm(await tokenAged(postId), { phone: '555' }))
    expect(honeypot.status).toBe(422)
    // The form as rendered for a reader, sent at once.
    const rendered = (await page('/posts/bots')).html
    const token = /name="token" value="([^"]+)"/.exec(rendered)![1]
    const tooFast = await postComment(path, commentForm(token, { comment: 'Too fast.' }))
    expect(tooFast.status).toBe(422)
    const body = await tooFast.text()
    expect(body).toContain('Too fast.')
    expect(body).toContain('too old or was sent too fast')
    const tooOld = await postComment(path, commentForm(await tokenAged(postId, 3 * 86_400_000)))
    expect(tooOld.status).toBe(422)
    const forged = await postComment(
      path,
      commentForm(`${Math.floor(Date.now() / 1000) - 60}.AAAAAAAAAAAAAAAAAAAAAA`),
    )
    expect(forged.status).toBe(422)
    const otherPost = await postComment(path, commentForm(await tokenAged(postId + 1000)))
    expect(otherPost.status).toBe(422)
    expect(await storedComments(postId)).toEqual([])
    // The same form, a day old, passes.
    const dayOld = await postComment(path, commentForm(await tokenAged(postId, 86_400_000)))
    expect(dayOld.status).toBe(201)
  })

  it('reads no body far larger than a comment', async () => {
    const postId = await publishedPost('huge', authorId)
    const huge = await postComment(
      '/posts/huge/comments',
      commentForm(await tokenAged(postId), { comment: 'x'.repeat(200_000) }),
    )
    expect(huge.status).toBe(413)
    expect(await storedComments(postId)).toEqual([])
  })

  it('lets exactly 5 of 20 parallel comments from one client through', async () => {
    await setModeration('all')
    const postId = await publishedPost('flood', authorId)
    const token = await tokenAged(postId)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        postComment('/posts/flood/comments', commentForm(token, { comment: `Flood ${n}` }), {
          headers: { 'CF-Connecting-IP': '198.51.100.77' },
        }),
      ),
    )
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 202)).toHaveLength(5)
    expect(statuses.filter((status) => status === 429)).toHaveLength(15)
    expect(await storedComments(postId)).toHaveLength(5)
    // Another client is not held back, and its IP is kept nowhere.
    const other = await postComment(
      '/posts/flood/comments',
      commentForm(token, { comment: 'Me too' }),
      {
        headers: { 'CF-Connecting-IP': '198.51.100.78' },
      },
    )
    expect(other.status).toBe(202)
    const rows = await storedComments(postId)
    expect(JSON.stringify(rows)).not.toContain('198.51.100')
  })

  it('refuses duplicates, too many links, and bad fields, giving the form back as typed', async () => {
    await setModeration('none')
    const postId = await publishedPost('checks', authorId)
    const path = '/posts/checks/comments'
    const links = Array.from({ length: 4 }, (_, n) => `https://e${n}.example`).join(' ')
    const tooManyLinks = await postComment(
      path,
      commentForm(await tokenAged(postId), { comment: links }),
    )
    expect(tooManyLinks.status).toBe(422)
    expect(await tooManyLinks.text()).toContain('at most 3 links')
    const bad = await postComment(
      path,
      commentForm(await tokenAged(postId), {
        name: '',
        url: 'javascript:alert(1)',
        comment: 'Kept & typed',
      }),
    )
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('Kept &amp; typed')
    expect(html).toContain('Please give a name')
    expect(html).toContain('http:// or https://')
    const once = await postComment(
      path,
      commentForm(await tokenAged(postId), { comment: 'Same words' }),
    )
    expect(once.status).toBe(201)
    const twice = await postComment(
      path,
      commentForm(await tokenAged(postId), { comment: 'Same words' }),
    )
    expect(twice.status).toBe(422)
    expect(await storedComments(postId)).toHaveLength(1)
  })

  it('sends a comment holding a blocked word or domain to spam', async () => {
    await setModeration('none', { blockList: 'casino\nspam.example' })
    const postId = await publishedPost('blocked', authorId)
    const path = '/posts/blocked/comments'
    const word = await postComment(
      path,
      commentForm(await tokenAged(postId), { comment: 'Best CASINO here' }),
    )
    // Told apart from a held comment by nothing.
    expect(word.status).toBe(202)
    expect(await word.text()).toContain('moderation')
    await postComment(
      path,
      commentForm(await tokenAged(postId), { email: 'x@spam.example', comment: 'Hi' }),
    )
    const rows = await storedComments(postId)
    expect(rows.map((row) => row.status)).toEqual(['spam', 'spam'])
    await setModeration('none', { blockList: '' })
  })

  it('refuses comments on a closed post and after the site closes old posts', async () => {
    await setModeration('none')
    const postId = await publishedPost('closed', authorId)
    await db.update(posts).set({ commentsOpen: false }).where(eq(posts.id, postId))
    const refused = await postComment(
      '/posts/closed/comments',
      commentForm(await tokenAged(postId)),
    )
    expect(refused.status).toBe(403)
    const { html } = await page('/posts/closed')
    expect(html).not.toContain('id="comment-form"')

    const oldId = await publishedPost('old-post', authorId, {
      publishedAt: new Date(Date.now() - 40 * 86_400_000),
    })
    expect((await page('/posts/old-post')).html).toContain('id="comment-form"')
    await setModeration('none', { closeAfterDays: 30 })
    expect((await page('/posts/old-post')).html).not.toContain('id="comment-form"')
    const late = await postComment('/posts/old-post/comments', commentForm(await tokenAged(oldId)))
    expect(late.status).toBe(403)
    await setModeration('none', { closeAfterDays: 0 })
  })

  it('offers comments on notes under their address, and on pages only when the owner allows', async () => {
    await setModeration('none')
    const noteId = await publishedPost('a-note', authorId, { kind: 'note' })
    const note = await postComment(
      '/posts/a-note/comments',
      commentForm(await tokenAged(noteId), { comment: 'On a note' }),
    )
    expect(note.status).toBe(201)
    const pageId = await publishedPost('about-us', authorId, { kind: 'page' })
    expect((await page('/about-us')).html).not.toContain('id="comment-form"')
    expect(
      (await postComment('/about-us/comments', commentForm(await tokenAged(pageId)))).status,
    ).toBe(403)
    await setModeration('none', { onPages: true })
    const shown = await page('/about-us')
    expect(shown.html).toContain('action="/about-us/comments"')
    const onPage = await postComment(
      '/about-us/comments',
      commentForm(await tokenAged(pageId), { comment: 'On a page' }),
    )
    expect(onPage.status).toBe(201)
    expect((await page('/about-us')).html).toContain('On a page')
    // A page's slug is not a post's: the posts' address refuses it.
    expect(
      (await postComment('/posts/about-us/comments', commentForm(await tokenAged(pageId)))).status,
    ).toBe(404)
  })

  it('shows one level of replies under their comment, oldest first, with the date in the post language', async () => {
    await setModeration('none')
    const postId = await publishedPost('threads', authorId, { language: 'fr' })
    const path = '/posts/threads/comments'
    await postComment(
      path,
      commentForm(await tokenAged(postId), { name: 'Un', comment: 'Premier' }),
    )
    const [top] = await storedComments(postId)
    await postComment(
      path,
      commentForm(await tokenAged(postId), {
        name: 'Deux',
        comment: 'Réponse',
        parent: String(top.id),
      }),
    )
    const reply = (await storedComments(postId)).find((row) => row.parentId === top.id)!
    // An answer to a reply joins the same thread.
    await postComment(
      path,
      commentForm(await tokenAged(postId), {
        name: 'Trois',
        comment: 'Encore',
        parent: String(reply.id),
      }),
    )
    expect((await storedComments(postId)).filter((row) => row.parentId === top.id)).toHaveLength(2)
    const { html } = await page('/posts/threads')
    expect(html).toContain('Commentaires')
    expect(html).toMatch(/Premier[\s\S]*comment-replies[\s\S]*Réponse[\s\S]*Encore/)
    const missing = await postComment(
      path,
      commentForm(await tokenAged(postId), { comment: 'x', parent: '999999' }),
    )
    expect(missing.status).toBe(422)
    const held = await postComment(path, commentForm(await tokenAged(postId), { comment: 'Merci' }))
    expect(held.status).toBe(201)
    await setModeration('all')
    const frenchHeld = await postComment(
      path,
      commentForm(await tokenAged(postId), { comment: 'Attente' }),
    )
    expect(await frenchHeld.text()).toContain('modération')
  })
})

it('keeps the IP out of every stored column', async () => {
  const { results } = await env.DB.prepare('SELECT * FROM comments').all()
  expect(JSON.stringify(results)).not.toContain('203.0.113.9')
})

it('says on the privacy page what a comment stores and for how long', async () => {
  const response = await request('/privacy')
  const html = await response.text()
  expect(html).toContain('<h2>Comments</h2>')
  expect(html).toContain('keyed hash')
  expect(html).toContain('until you unsubscribe or the comment is deleted')
  expect(html).toContain('Comments stay until the owner deletes them')
})
