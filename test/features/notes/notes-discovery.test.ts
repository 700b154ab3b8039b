import { beforeAll, describe, expect, it } from 'vitest'
import { createEditor, logIn, request } from '../../admin-helpers'
import { createAuthorAndCategories } from '../../fixtures'
import { noteForm } from '../../note-helpers'

const SOURCE = 'https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html?a=1&b=2'

beforeAll(async () => {
  const ids = await createAuthorAndCategories()
  await createEditor('claire@blog.example', 'owner')
  const cookie = await logIn('claire@blog.example')
  const response = await request('/admin/notes', {
    cookie,
    form: noteForm(ids, {
      sourceUrl: SOURCE,
      title: 'Les palaces parisiens',
      quote: 'Un marché <très> disputé.\n\nSecond paragraphe.',
      comment: 'Mon *avis*.',
    }),
  })
  expect(response.status).toBe(303)
})

const escapedSource = SOURCE.replace(/&/g, '&amp;')

describe('notes in feeds, search and the sitemap', () => {
  it('RSS carries the quote in a blockquote with cite, and the link to the source', async () => {
    const xml = await (await request('/rss.xml')).text()
    const item = /<item>[\s\S]*?<\/item>/.exec(xml)![0]
    expect(item).toContain('<title>Les palaces parisiens</title>')
    // Escaped once more for XML: the HTML inside <content:encoded> is text.
    expect(item).toContain(
      `&lt;blockquote cite=&quot;${escapedSource.replace(/&/g, '&amp;')}&quot;&gt;&lt;p&gt;Un marché &amp;lt;très&amp;gt; disputé.&lt;/p&gt;`,
    )
    expect(item).toContain(
      `&lt;a href=&quot;${escapedSource.replace(/&/g, '&amp;')}&quot;&gt;Read at lemonde.fr →&lt;/a&gt;`,
    )
    expect(item).toContain('&lt;em&gt;avis&lt;/em&gt;')
  })

  it('Atom links the source as related, and JSON Feed as external_url', async () => {
    const atom = await (await request('/atom.xml')).text()
    expect(atom).toContain(`<link rel="related" type="text/html" href="${escapedSource}"/>`)
    const json = (await (await request('/feed.json')).json()) as {
      items: { title: string; external_url?: string; content_html: string }[]
    }
    const [note] = json.items
    expect(note.external_url).toBe(SOURCE)
    expect(note.content_html).toContain(`<blockquote cite="${escapedSource}">`)
    expect(note.content_html).toContain('<footer><cite>Le Monde</cite></footer>')
  })

  it('search finds a note by its quoted text', async () => {
    const html = await (await request('/search?q=disput%C3%A9')).text()
    expect(html).toContain('/posts/les-palaces-parisiens')
  })

  it('the sitemap lists the note', async () => {
    const xml = await (await request('/sitemap.xml')).text()
    expect(xml).toContain('/posts/les-palaces-parisiens</loc>')
  })
})
