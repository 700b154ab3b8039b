import { beforeAll, describe, expect, it } from 'vitest'
import { createAuthorAndCategories } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

let cookie: string
let form: Record<string, string>

beforeAll(async () => {
  const ids = await createAuthorAndCategories()
  await createEditor('owner@blog.example', 'owner')
  cookie = await logIn('owner@blog.example')
  form = {
    title: 'Le grand hôtel',
    slug: 'le-grand-hotel',
    excerpt: '',
    markdown: 'Un palace au bord du lac.',
    categoryIds: String(ids.essays.id),
    newCategory: '',
    language: 'fr',
    authorId: String(ids.author.id),
    status: 'published',
    publishDate: '',
    publishTime: '',
    timeZone: 'Europe/Paris',
  }
})

describe('an editor renames a published post', () => {
  it('the old address answers 301 to the new one, and search follows the edit', async () => {
    const created = await request('/admin/posts', { cookie, form })
    const editPath = created.headers.get('Location')!.replace(/\?.*$/, '')
    const renamed = await request(editPath, {
      cookie,
      form: { ...form, version: '1', title: 'Le petit hôtel', slug: 'le-petit-hotel' },
    })
    expect(renamed.status).toBe(303)

    const old = await request('/posts/le-grand-hotel')
    expect(old.status).toBe(301)
    expect(old.headers.get('Location')).toBe('/posts/le-petit-hotel')
    expect((await request('/posts/le-petit-hotel')).status).toBe(200)

    const found = await (await request('/search?q=petit+hotel')).text()
    expect(found).toContain('href="/posts/le-petit-hotel"')
    const gone = await (await request('/search?q=grand')).text()
    expect(gone).not.toContain('href="/posts/le-petit-hotel"')
  })
})
