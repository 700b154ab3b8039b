import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { authors, users } from '../../../src/db/schema'
import { createAuthorAndCategories, db } from '../../fixtures'
import { createEditor, logIn, request } from '../../admin-helpers'

let cookie: string
let editorId: number

beforeAll(async () => {
  await createAuthorAndCategories()
  editorId = (await createEditor('zoe@blog.example')).id
  cookie = await logIn('zoe@blog.example')
})

const selectedAuthor = (html: string) =>
  /<select name="authorId"[^>]*>.*?<option value="(\d+)" selected=""/s.exec(html)?.[1]

describe('author profiles', () => {
  it('creates a profile linked to the editor, who then writes as it by default', async () => {
    const before = await (await request('/admin/posts/new', { cookie })).text()
    const [claire] = await db.select().from(authors).where(eq(authors.slug, 'claire-dubois'))
    expect(selectedAuthor(before)).toBe(String(claire.id))

    const response = await request('/admin/authors', {
      cookie,
      form: {
        name: 'Zoé Martin',
        slug: '',
        bio: 'Writes about "bread" -- and jam.',
        userId: String(editorId),
      },
    })
    expect(response.status).toBe(303)
    const [zoe] = await db.select().from(authors).where(eq(authors.slug, 'zoe-martin'))
    expect(zoe.bio).toBe('Writes about "bread" -- and jam.')
    const [editor] = await db.select().from(users).where(eq(users.id, editorId))
    expect(editor.authorId).toBe(zoe.id)

    const after = await (await request('/admin/posts/new', { cookie })).text()
    expect(selectedAuthor(after)).toBe(String(zoe.id))
    const page = await (await request('/authors/zoe-martin')).text()
    expect(page).toContain('<p class="feed-intro">Writes about “bread” – and jam.</p>')
  })

  it('edits the name, slug and bio', async () => {
    const [james] = await db.select().from(authors).where(eq(authors.slug, 'james-hart'))
    const response = await request(`/admin/authors/${james.id}`, {
      cookie,
      form: { name: 'James T. Hart', slug: 'jt-hart', bio: 'From Leeds.', userId: '' },
    })
    expect(response.status).toBe(303)
    const [edited] = await db.select().from(authors).where(eq(authors.id, james.id))
    expect(edited).toMatchObject({ name: 'James T. Hart', slug: 'jt-hart', bio: 'From Leeds.' })
    expect(await (await request('/admin/authors?saved=1', { cookie })).text()).toContain(
      'Author saved.',
    )
  })

  it('refuses bad input with the text kept and an error by the field', async () => {
    const empty = await request('/admin/authors', {
      cookie,
      form: { name: '  ', slug: '', bio: 'Kept bio', userId: '' },
    })
    expect(empty.status).toBe(422)
    const html = await empty.text()
    expect(html).toContain('Kept bio</textarea>')
    expect(html).toContain('<p class="field-error" id="author-new-name-error">Enter a name.</p>')

    const clash = await request('/admin/authors', {
      cookie,
      form: { name: 'Other', slug: 'claire-dubois', bio: '', userId: '' },
    })
    expect(clash.status).toBe(422)
    expect(await clash.text()).toContain('Another author already uses this slug.')

    const long = await request('/admin/authors', {
      cookie,
      form: { name: 'Long', slug: '', bio: 'x'.repeat(2001), userId: '' },
    })
    expect(long.status).toBe(422)
    expect(await long.text()).toContain('maxlength="2000"')
  })
})
