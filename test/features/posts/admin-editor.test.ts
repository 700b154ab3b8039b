import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { postRevisions, posts } from '../../../src/db/schema'
import { createAuthorAndCategories, db } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let cookie: string

/** The version an answer gives the form (`#post-version`). */
function versionIn(html: string): string {
  return /id="post-version" value="(\d+)"/.exec(html)![1]
}

function postForm(overrides: Record<string, string | string[]> = {}) {
  return {
    title: 'Autosaved',
    slug: '',
    excerpt: '',
    markdown: '## A heading\n\n```\ncode\n```\n\nThe "first" paragraph.\n\nThe second.',
    language: 'en',
    authorId: String(ids.author.id),
    status: 'draft',
    publishDate: '',
    publishTime: '',
    timeZone: 'Europe/Paris',
    ...overrides,
  }
}

const post = async (id: number) => (await db.select().from(posts).where(eq(posts.id, id)))[0]
const revisionsOf = (id: number) =>
  db.select().from(postRevisions).where(eq(postRevisions.postId, id))

async function saved(response: Response) {
  expect(response.status).toBe(303)
  return Number(/\/admin\/posts\/(\d+)/.exec(response.headers.get('Location')!)![1])
}

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createEditor('writer@blog.example')
  cookie = await logIn('writer@blog.example')
})

describe('autosave', () => {
  it('turns a new post into a draft, then updates it without a revision per keystroke', async () => {
    const first = await request('/admin/posts/autosave', {
      cookie,
      form: postForm({ status: 'published' }),
    })
    expect(first.status).toBe(200)
    const id = Number(/^\/admin\/posts\/(\d+)$/.exec(first.headers.get('Post-Url')!)![1])
    const firstHtml = await first.text()
    expect(firstHtml).toMatch(
      /<p id="autosave-status"[^>]*>Draft saved automatically at \d\d:\d\d\.<\/p>/,
    )
    expect((await post(id)).status).toBe('draft')

    // Each answer carries the new version, which the next autosave sends back.
    let version = versionIn(firstHtml)
    for (const words of ['one', 'one two', 'one two three']) {
      const response = await request(`/admin/posts/${id}/autosave`, {
        cookie,
        form: postForm({ markdown: words, version }),
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('Post-Url')).toBeNull()
      const next = versionIn(await response.text())
      expect(Number(next)).toBe(Number(version) + 1)
      version = next
    }
    expect((await post(id)).markdown).toBe('one two three')
    expect(await revisionsOf(id)).toHaveLength(1)

    // An autosave from a stale version writes nothing.
    const stale = await request(`/admin/posts/${id}/autosave`, {
      cookie,
      form: postForm({ markdown: 'from an old tab', version: '1' }),
    })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('someone else saved this post meanwhile')
    expect((await post(id)).markdown).toBe('one two three')

    // An explicit save always records a revision.
    await saved(
      await request(`/admin/posts/${id}`, { cookie, form: postForm({ markdown: 'x', version }) }),
    )
    expect(await revisionsOf(id)).toHaveLength(2)
  })

  it('keeps typed text aside from a published post until the editor saves', async () => {
    const id = await saved(
      await request('/admin/posts', {
        cookie,
        form: postForm({ title: 'Live', status: 'published', markdown: 'Live text.' }),
      }),
    )
    const autosave = await request(`/admin/posts/${id}/autosave`, {
      cookie,
      form: postForm({ title: 'Live', status: 'published', markdown: 'Half-typed…' }),
    })
    expect(autosave.status).toBe(200)
    expect(await autosave.text()).toContain('Readers see them once you save.')
    expect((await post(id)).markdown).toBe('Live text.')
    expect(await (await request('/posts/live')).text()).toContain('Live text.')

    const editor = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(editor).toContain('was kept but not saved yet')
    const restored = await (await request(`/admin/posts/${id}?autosave=1`, { cookie })).text()
    expect(restored).toMatch(/<textarea id="markdown"[^>]*>Half-typed…<\/textarea>/)

    await saved(
      await request(`/admin/posts/${id}`, {
        cookie,
        form: postForm({
          title: 'Live',
          status: 'published',
          markdown: 'Half-typed, now done.',
          version: '1',
        }),
      }),
    )
    const autosaves = await db
      .select()
      .from(postRevisions)
      .where(and(eq(postRevisions.postId, id), eq(postRevisions.autosave, true)))
    expect(autosaves).toHaveLength(0)
    expect(await (await request(`/admin/posts/${id}`, { cookie })).text()).not.toContain(
      'was kept but not saved yet',
    )
  })

  it('says why it could not save, and asks to log in when the session is gone', async () => {
    const untitled = await request('/admin/posts/autosave', {
      cookie,
      form: postForm({ title: '' }),
    })
    expect(untitled.status).toBe(422)
    expect(await untitled.text()).toContain('Give the post a title.')
    const loggedOut = await request('/admin/posts/autosave', { form: postForm() })
    expect(loggedOut.status).toBe(401)
    expect(await loggedOut.text()).toContain('save to log in again')
  })

  it('is wired into the editor page', async () => {
    const html = await (await request('/admin/posts/new', { cookie })).text()
    expect(html).toContain('data-autosave="/admin/posts/autosave"')
    expect(html).toMatch(/<script src="\/js\/editor\.[0-9a-f]{8}\.js" defer=""><\/script>/)
  })
})

describe('the excerpt', () => {
  it('follows the body’s first paragraph until the editor writes one, and says which it is', async () => {
    const id = await saved(
      await request('/admin/posts', { cookie, form: postForm({ title: 'Ex' }) }),
    )
    expect((await post(id)).excerpt).toBe('The "first" paragraph.')
    let editor = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(editor).toMatch(/<textarea name="excerpt"[^>]*><\/textarea>/)
    expect(editor).toContain('Generated from the first paragraph')

    await saved(
      await request(`/admin/posts/${id}`, {
        cookie,
        form: postForm({
          title: 'Ex',
          slug: 'ex',
          markdown: 'A new start.\n\nMore.',
          version: '1',
        }),
      }),
    )
    expect((await post(id)).excerpt).toBe('A new start.')

    await saved(
      await request(`/admin/posts/${id}`, {
        cookie,
        form: postForm({
          title: 'Ex',
          slug: 'ex',
          excerpt: 'My own words.',
          markdown: 'Other.',
          version: '2',
        }),
      }),
    )
    expect((await post(id)).excerpt).toBe('My own words.')
    editor = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(editor).toMatch(/<textarea name="excerpt"[^>]*>My own words.<\/textarea>/)
    expect(editor).toContain('Written by you.')
  })

  it('is shown again by the live preview as the body changes', async () => {
    const html = await (
      await request('/admin/posts/preview', {
        cookie,
        form: { markdown: '# Title\n\nFresh words.', language: 'en', excerpt: '' },
      })
    ).text()
    expect(html).toMatch(/<p class="help" id="excerpt-help" hx-swap-oob="outerHTML">Generated/)
    expect(html).toContain('<q class="excerpt-generated">Fresh words.</q>')
  })
})

describe('after saving', () => {
  it('says when a scheduled post goes live, with a preview link', async () => {
    const id = await saved(
      await request('/admin/posts', {
        cookie,
        form: postForm({
          title: 'Later',
          status: 'scheduled',
          publishDate: '2099-12-02',
          publishTime: '09:00',
        }),
      }),
    )
    const html = await (await request(`/admin/posts/${id}?saved=1`, { cookie })).text()
    expect(html).toContain('Scheduled for 2 December 2099 at 09:00, Paris time.')
    expect(html).toContain(`<a href="/admin/posts/${id}/preview">Preview</a>`)
    const preview = await request(`/admin/posts/${id}/preview`, { cookie })
    expect(preview.status).toBe(200)
    const page = await preview.text()
    expect(page).toContain('<h1>Later</h1>')
    expect(page).toContain('readers cannot see this post yet')
    expect((await request(`/admin/posts/${id}/preview`)).status).toBe(303)
    expect((await request('/posts/later')).status).toBe(404)
  })

  it('schedules a post set to Published with a date still to come, and says when it goes live', async () => {
    const id = await saved(
      await request('/admin/posts', {
        cookie,
        form: postForm({
          title: 'Not yet',
          status: 'published',
          publishDate: '2099-12-02',
          publishTime: '09:00',
        }),
      }),
    )
    expect((await post(id)).status).toBe('scheduled')
    const html = await (await request(`/admin/posts/${id}?saved=1`, { cookie })).text()
    expect(html).toContain('Scheduled for 2 December 2099 at 09:00, Paris time.')
    expect(html).not.toContain('the post is live')
    expect(html).toContain(`<a href="/admin/posts/${id}/preview">Preview</a>`)
    expect((await request('/posts/not-yet')).status).toBe(404)
  })

  it('shows readers only images their Content-Security-Policy allows', async () => {
    await saved(
      await request('/admin/posts', {
        cookie,
        form: postForm({
          title: 'Elsewhere',
          status: 'published',
          markdown: 'Before.\n\n![A street](https://images.example.org/street.jpg)\n\nAfter.',
        }),
      }),
    )
    const response = await request('/posts/elsewhere')
    const html = await response.text()
    const imgSrc = /img-src ([^;]+)/.exec(response.headers.get('Content-Security-Policy')!)![1]
    const allows = (src: string) =>
      imgSrc
        .split(' ')
        .some((source) =>
          source === "'self'"
            ? src.startsWith('/') && !src.startsWith('//')
            : source.endsWith(':') && src.startsWith(source),
        )
    const body = /<div class="post-body"[\s\S]*?<\/div>/.exec(html)![0]
    for (const [, src] of body.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)) {
      expect(allows(src), src).toBe(true)
    }
    expect(body).toContain(
      '<a href="https://images.example.org/street.jpg" rel="noopener noreferrer">A street</a>',
    )
  })

  it('links a published post to its page and says it is live', async () => {
    const id = await saved(
      await request('/admin/posts', {
        cookie,
        form: postForm({ title: 'Now', status: 'published' }),
      }),
    )
    const html = await (await request(`/admin/posts/${id}?saved=1`, { cookie })).text()
    expect(html).toContain('Published: the post is live.')
    expect(html).toContain('<a href="/posts/now">View post</a>')
  })
})

describe('the editor form', () => {
  it('offers a searchable time-zone input with the site’s zone first', async () => {
    const html = await (await request('/admin/posts/new', { cookie })).text()
    expect(html).toMatch(/<input name="timeZone" value="Europe\/Paris" list="time-zones"/)
    expect(html).toMatch(
      /<datalist id="time-zones"><option value="Europe\/Paris"><\/option><option/,
    )
    expect(html).not.toContain('<select name="timeZone"')
  })

  it('announces only “Preview updated”, never the preview itself', async () => {
    const html = await (await request('/admin/posts/new', { cookie })).text()
    const preview = /<div[^>]*id="preview"[^>]*>/.exec(html)![0]
    expect(preview).not.toContain('aria-live')
    expect(html).toContain(
      '<p id="preview-status" class="visually-hidden" role="status" aria-live="polite"></p>',
    )
    const fragment = await (
      await request('/admin/posts/preview', { cookie, form: { markdown: 'Hi', language: 'en' } })
    ).text()
    expect(fragment).toContain('<p id="preview-status" hx-swap-oob="innerHTML">Preview updated</p>')
  })
})

describe('the post list', () => {
  it('shows the newest publication first, drafts by their last change, filtered by status', async () => {
    for (const [title, publishDate] of [
      ['Old news', '2020-01-01'],
      ['Recent news', '2025-06-01'],
      ['Middle news', '2022-03-01'],
    ]) {
      await saved(
        await request('/admin/posts', {
          cookie,
          form: postForm({ title, status: 'published', publishDate, publishTime: '10:00' }),
        }),
      )
    }
    const html = await (await request('/admin/posts?status=published', { cookie })).text()
    const titles = [...html.matchAll(/<a href="\/admin\/posts\/\d+">([^<]+)<\/a><\/td>/g)].map(
      (m) => m[1],
    )
    const order = titles.filter((t) => t.endsWith('news'))
    expect(order).toEqual(['Recent news', 'Middle news', 'Old news'])
    expect(titles.indexOf('Now')).toBeLessThan(titles.indexOf('Recent news'))
    expect(titles).not.toContain('Autosaved')
    const drafts = await (await request('/admin/posts?status=draft', { cookie })).text()
    expect(drafts).toContain('Autosaved')
    expect(drafts).not.toContain('Old news')
  })
})
