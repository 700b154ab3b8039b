import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { posts } from '../../../src/db/schema'
import { slugify, SLUG_PATTERN } from '../../../src/lib/slug'
import { createEditor, logIn, postFields } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { visit } from '../../site-helpers'
import { importText } from '../import-export/import/helpers'

let ids: Awaited<ReturnType<typeof createAuthorAndCategories>>
let owner: string

const TITLES = {
  japanese: { title: '日本の旅館のおもてなし', slug: '日本の旅館のおもてなし' },
  arabic: { title: 'فن الضيافة العربية', slug: 'فن-الضيافة-العربية' },
  cyrillic: { title: 'Привет, мир', slug: 'привет-мир' },
  greek: { title: 'Καλημέρα κόσμε', slug: 'καλημέρα-κόσμε' },
}

/** The address as it goes on the wire: percent-encoded, upper-case hex. */
const wire = (slug: string) => `/posts/${encodeURIComponent(slug)}`
const lowerHex = (path: string) => path.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())

beforeAll(async () => {
  ids = await createAuthorAndCategories()
  await createEditor('owner@blog.example', 'owner')
  owner = await logIn('owner@blog.example')
  for (const { title } of Object.values(TITLES)) {
    const saved = await visit('/admin/posts', {
      cookie: owner,
      form: postFields(ids.author.id, {
        title,
        markdown: `${title}.`,
        status: 'published',
        categoryIds: [String(ids.essays.id)],
      }),
    })
    expect(saved.status, saved.body.slice(0, 2000)).toBe(303)
  }
})

describe('addresses in any script', () => {
  it('makes slugs that keep non-Latin scripts, folding only Latin accents', () => {
    for (const { title, slug } of Object.values(TITLES)) {
      expect(slugify(title)).toBe(slug)
      expect(SLUG_PATTERN.test(slug)).toBe(true)
    }
    expect(slugify('Café à l’Hôtel')).toBe('cafe-a-l-hotel')
    expect(slugify('ΟΔΟΣ Ελπίδας')).toBe('οδος-ελπίδας')
    expect(SLUG_PATTERN.test('Привет')).toBe(false)
  })

  it('stores the slug made from the title, not a post-N', async () => {
    for (const { title, slug } of Object.values(TITLES)) {
      const [post] = await db.select().from(posts).where(eq(posts.title, title))
      expect(post.slug).toBe(slug)
    }
  })

  it('reaches each post at its encoded address, in either case, and decoded', async () => {
    for (const { title, slug } of Object.values(TITLES)) {
      for (const path of [wire(slug), lowerHex(wire(slug)), `/posts/${slug}`]) {
        const page = await visit(path)
        expect(page.status, path).toBe(200)
        expect(page.body).toContain(title)
        expect(page.body).toContain(
          `<link rel="canonical" href="https://blog.example${wire(slug)}"/>`,
        )
      }
    }
  })

  it('sets a right-to-left title apart, so it reads from the right', async () => {
    const { body } = await visit(wire(TITLES.arabic.slug))
    expect(body).toContain(`<h1 dir="auto">${TITLES.arabic.title}</h1>`)
    expect((await visit('/')).body).toContain(
      `<h2 dir="auto"><a href="${wire(TITLES.arabic.slug)}">`,
    )
    expect((await visit(wire(TITLES.greek.slug))).body).toContain(`<h1>${TITLES.greek.title}</h1>`)
  })

  it('links, feeds and the sitemap carry the encoded address', async () => {
    const home = (await visit('/')).body
    const rss = (await visit('/rss.xml')).body
    const json = JSON.parse((await visit('/feed.json')).body) as { items: { url: string }[] }
    const sitemap = (await visit('/sitemap.xml')).body
    for (const { slug } of Object.values(TITLES)) {
      const url = `https://blog.example${wire(slug)}`
      expect(home).toContain(`href="${wire(slug)}"`)
      expect(rss).toContain(`<link>${url}</link>`)
      expect(json.items.map((item) => item.url)).toContain(url)
      expect(sitemap).toContain(`<loc>${url}</loc>`)
    }
    expect(home).not.toContain('href="/posts/日本')
  })

  it('redirects a changed slug with an encoded Location', async () => {
    const [post] = await db.select().from(posts).where(eq(posts.slug, TITLES.japanese.slug))
    const saved = await visit(`/admin/posts/${post.id}`, {
      cookie: owner,
      form: postFields(ids.author.id, {
        title: post.title,
        slug: '京都の旅館',
        markdown: post.markdown,
        status: 'published',
        version: String(post.version),
      }),
    })
    expect(saved.status).toBe(303)
    for (const old of [wire(TITLES.japanese.slug), lowerHex(wire(TITLES.japanese.slug))]) {
      const moved = await visit(old)
      expect(moved.status, old).toBe(301)
      expect(moved.response.headers.get('Location')).toBe(wire('京都の旅館'))
    }
    const trailing = await visit(`${wire('京都の旅館')}/`)
    expect(trailing.response.headers.get('Location')).toBe(wire('京都の旅館'))
  })

  it('takes a typed slug in any script, lower-cased where the script has case', async () => {
    const saved = await visit('/admin/posts', {
      cookie: owner,
      form: postFields(ids.author.id, {
        title: 'Ещё один',
        slug: 'Ещё-Один',
        markdown: 'Текст.',
        status: 'published',
      }),
    })
    expect(saved.status).toBe(303)
    expect((await visit(wire('ещё-один'))).status).toBe(200)
    const editor = await visit('/admin/posts/new', { cookie: owner })
    expect(editor.body).toContain(
      'pattern="[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}\\p{N}]+(-[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}\\p{N}]+)*"',
    )
  })

  it('keeps an imported percent-encoded slug, decoded, and redirects its old address', async () => {
    const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example</link><wp:base_blog_url>https://old.example</wp:base_blog_url>
<item><title>Ξενοδοχείο της Αθήνας</title><link>https://old.example/%ce%be%ce%b5%ce%bd%ce%bf%ce%b4%ce%bf%cf%87%ce%b5%ce%af%ce%bf/</link>
<dc:creator>ana</dc:creator><guid isPermaLink="false">https://old.example/?p=7</guid><content:encoded><![CDATA[<p>Καλώς ήρθατε.</p>]]></content:encoded>
<wp:post_id>7</wp:post_id><wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:post_name><![CDATA[%ce%be%ce%b5%ce%bd%ce%bf%ce%b4%ce%bf%cf%87%ce%b5%ce%af%ce%bf]]></wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>`
    await importText(wxr)
    const [post] = await db.select().from(posts).where(eq(posts.title, 'Ξενοδοχείο της Αθήνας'))
    expect(post.slug).toBe('ξενοδοχείο')
    for (const old of [
      '/%ce%be%ce%b5%ce%bd%ce%bf%ce%b4%ce%bf%cf%87%ce%b5%ce%af%ce%bf/',
      '/%CE%BE%CE%B5%CE%BD%CE%BF%CE%B4%CE%BF%CF%87%CE%B5%CE%AF%CE%BF',
    ]) {
      const moved = await visit(old)
      expect(moved.status, old).toBe(301)
      expect(moved.response.headers.get('Location')).toBe(wire('ξενοδοχείο'))
    }
  })
})
