/**
 * The review step: a contributor submits a draft with a note; it is not public and waits in
 * /admin/review (counted in editors' navigation); an editor sends it back with a note the
 * contributor sees, or publishes or schedules it from the queue.
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { postReviews, posts, users } from '../../../src/db/schema'
import { createEditor, logIn, postFields, request } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { noteForm } from '../../note-helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let contributor: string
let editor: string
let owner: string
let contributorId: number

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  contributorId = (await createEditor('contributor@blog.example', 'contributor')).id
  // Their byline, as an invitee gets one on joining.
  await db.update(users).set({ authorId: ids.author.id }).where(eq(users.id, contributorId))
  await createEditor('editor@blog.example', 'editor')
  await createEditor('owner@blog.example', 'owner')
  contributor = await logIn('contributor@blog.example')
  editor = await logIn('editor@blog.example')
  owner = await logIn('owner@blog.example')
})

async function postBySlug(slug: string) {
  const [post] = await db.select().from(posts).where(eq(posts.slug, slug))
  return post
}

async function reviewOf(postId: number) {
  const [review] = await db.select().from(postReviews).where(eq(postReviews.postId, postId))
  return review
}

const page = async (path: string, cookie: string) => (await request(path, { cookie })).text()

/** The contributor's Submit for review, as the editor's second button sends it. */
function submit(title: string, overrides: Record<string, string> = {}, path = '/admin/posts') {
  return request(path, {
    cookie: contributor,
    form: postFields(ids.author.id, {
      title,
      language: 'en',
      markdown: `The body of ${title}.`,
      review: 'submit',
      reviewNote: 'Is the ending clear?',
      ...overrides,
    }),
  })
}

describe('submitting for review', () => {
  it('keeps the post a draft, not public, waiting in the queue with its note', async () => {
    const response = await submit('First submission')
    expect(response.status).toBe(303)
    const post = await postBySlug('first-submission')
    expect(response.headers.get('Location')).toBe(`/admin/posts/${post.id}?submitted=1`)
    expect(post.status).toBe('draft')
    expect(await reviewOf(post.id)).toMatchObject({
      state: 'pending',
      submittedBy: contributorId,
      submitNote: 'Is the ending clear?',
    })
    expect((await request('/posts/first-submission')).status).toBe(404)

    const own = await page(`/admin/posts/${post.id}?submitted=1`, contributor)
    expect(own).toContain('Submitted for review.')
    expect(own).toContain('Waiting for review since')

    const queue = await page('/admin/review', editor)
    expect(queue).toContain('First submission')
    expect(queue).toContain('Is the ending clear?')
    expect(queue).toContain('Submitted by contributor')
  })

  it('counts what waits in the navigation of editors and the owner only', async () => {
    expect(await page('/admin/posts', editor)).toMatch(
      /href="\/admin\/review"[^>]*>Review<span class="nav-count"> \(1\)<\/span>/,
    )
    expect(await page('/admin/posts', owner)).toContain('(1)</span>')
    const own = await page('/admin/posts', contributor)
    expect(own).not.toContain('href="/admin/review"')
    expect(own).toContain('Pending review')
  })

  it('refuses an empty return note, then sends the post back with the note', async () => {
    const post = await postBySlug('first-submission')
    const empty = await request(`/admin/review/${post.id}/return`, {
      cookie: editor,
      form: { note: '  ' },
    })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Write a note saying what to change.')

    const returned = await request(`/admin/review/${post.id}/return`, {
      cookie: editor,
      form: { note: 'Cut the last paragraph, please.' },
    })
    expect(returned.status).toBe(303)
    expect(await reviewOf(post.id)).toMatchObject({
      state: 'returned',
      returnNote: 'Cut the last paragraph, please.',
    })
    const editorPage = await page(`/admin/posts/${post.id}`, contributor)
    expect(editorPage).toContain('Sent back by editor on')
    expect(editorPage).toContain('Cut the last paragraph, please.')
    const list = await page('/admin/posts', contributor)
    expect(list).toContain('Returned')
    expect(list).toContain('Cut the last paragraph, please.')
    const queue = await page('/admin/review', editor)
    expect(queue).toContain('Nothing is waiting for review.')
    expect(queue).not.toContain('nav-count')
  })

  it('goes back into the queue when resubmitted, then an editor publishes it', async () => {
    const post = await postBySlug('first-submission')
    const again = await submit(
      'First submission',
      { version: String(post.version), reviewNote: 'Done.' },
      `/admin/posts/${post.id}`,
    )
    expect(again.status).toBe(303)
    expect(await reviewOf(post.id)).toMatchObject({ state: 'pending', submitNote: 'Done.' })
    const current = await postBySlug('first-submission')

    const stale = await request(`/admin/review/${post.id}/publish`, {
      cookie: editor,
      form: { version: String(current.version - 1), when: 'now' },
    })
    expect(stale.status).toBe(409)
    expect((await postBySlug('first-submission')).status).toBe('draft')
    expect(await reviewOf(post.id)).toMatchObject({ state: 'pending' })

    const published = await request(`/admin/review/${post.id}/publish`, {
      cookie: editor,
      form: { version: String(current.version), when: 'now' },
    })
    expect(published.status).toBe(303)
    expect(published.headers.get('Location')).toBe('/admin/review?done=published')
    expect((await postBySlug('first-submission')).status).toBe('published')
    expect(await reviewOf(post.id)).toBeUndefined()
    expect((await request('/posts/first-submission')).status).toBe(200)
  })

  it('schedules from the queue, with the editor’s date checks', async () => {
    await submit('Second submission')
    const post = await postBySlug('second-submission')
    const past = await request(`/admin/review/${post.id}/publish`, {
      cookie: owner,
      form: {
        version: String(post.version),
        when: 'schedule',
        publishDate: '2020-01-01',
        publishTime: '09:00',
        timeZone: 'Europe/Paris',
      },
    })
    expect(past.status).toBe(422)
    expect(await past.text()).toContain('A scheduled date must be in the future.')

    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
    const scheduled = await request(`/admin/review/${post.id}/publish`, {
      cookie: owner,
      form: {
        version: String(post.version),
        when: 'schedule',
        publishDate: day,
        publishTime: '09:00',
        timeZone: 'Europe/Paris',
      },
    })
    expect(scheduled.status).toBe(303)
    expect(await postBySlug('second-submission')).toMatchObject({ status: 'scheduled' })
    expect(await reviewOf(post.id)).toBeUndefined()
    expect((await request('/posts/second-submission')).status).toBe(404)
  })

  it('leaves the queue when an editor publishes the post from its editor', async () => {
    await submit('Third submission')
    const post = await postBySlug('third-submission')
    const response = await request(`/admin/posts/${post.id}`, {
      cookie: editor,
      form: postFields(ids.author.id, {
        title: 'Third submission',
        language: 'en',
        status: 'published',
        version: String(post.version),
      }),
    })
    expect(response.status).toBe(303)
    expect(await reviewOf(post.id)).toBeUndefined()
  })

  it('works for a contributor’s note too', async () => {
    const response = await request('/admin/notes', {
      cookie: contributor,
      form: noteForm(ids, { title: 'A note to review', intent: 'review', reviewNote: 'Short?' }),
    })
    expect(response.status).toBe(303)
    const [note] = await db.select().from(posts).where(eq(posts.title, 'A note to review'))
    expect(note.status).toBe('draft')
    expect(await reviewOf(note.id)).toMatchObject({ state: 'pending', submitNote: 'Short?' })
    const queue = await page('/admin/review', editor)
    expect(queue).toContain(`href="/admin/notes/${note.id}"`)
  })
})
