import { eq } from 'drizzle-orm'
import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { authors, categories, comments, posts } from '../../../../src/db/schema'
import type { ImportReport } from '../../../../src/features/import-export/import/report'
import { db } from '../../../fixtures'
import edgeCases from './fixtures/edge-cases.xml?raw'
import ghost from './fixtures/ghost-export.json?raw'
import { expectRedirects, importText } from './helpers'

const postBySlug = async (slug: string) =>
  (await db.select().from(posts).where(eq(posts.slug, slug)))[0]

const reasons = (report: ImportReport) => report.changed.map((c) => `${c.title}: ${c.reason}`)

describe('a WordPress export with what the sample lacks', () => {
  let report: ImportReport
  beforeAll(async () => {
    report = await importText(edgeCases)
  })

  it('decodes percent-encoded slugs and keeps them, in any script', async () => {
    expect(await postBySlug('café')).toBeDefined()
    const russian = await postBySlug('русский-пост')
    expect(russian.title).toBe('Русский пост')
    // Decoding is no change worth reporting; the slug is the old site's own.
    expect(reasons(report).some((r) => /slug ".*" became/.test(r))).toBe(false)
  })

  it('gives an untitled post a title, maps private and pending to drafts, skips the trash', async () => {
    const untitled = await postBySlug('a-private-thought-without-any-title-at-all')
    expect(untitled.title).toBe('A private thought without any title at all.')
    expect(untitled.status).toBe('draft')
    expect(reasons(report)).toContain(
      'A private thought without any title at all.: the post had no title; this one was given',
    )
    expect(report.changed.some((c) => /private post imported as a draft/.test(c.reason))).toBe(true)
    expect((await postBySlug('the-lobby')).status).toBe('draft')
    expect(report.skipped).toContainEqual({
      kind: 'post',
      title: 'Thrown away',
      reason: 'status "trash"',
    })
    expect(await postBySlug('thrown-away')).toBeUndefined()
  })

  it('restores classic-editor paragraphs and keeps unknown shortcodes as text, listed', async () => {
    const russian = await postBySlug('русский-пост')
    expect(russian.html).toContain('<p>First paragraph of a classic post<br>')
    // Kept as text (its quotes curled like any text); an embed becomes a plain link.
    expect(russian.html).toMatch(
      /<p>Second paragraph \[gallery ids=[^\]]*1,2[^\]]*\] and <a href="https:\/\/video\.example\/1"/,
    )
    expect(russian.markdown).not.toContain('[embed]')
    expect(reasons(report)).toContain('Русский пост: shortcodes kept as text: [gallery]')
  })

  it('removes scripts, iframes, styles, handlers and javascript: links', async () => {
    const hostile = await postBySlug('café')
    for (const text of [hostile.markdown, hostile.html]) {
      expect(text).not.toMatch(/script|iframe|onclick|javascript|style=|color:red|steal/i)
    }
    expect(hostile.html).toContain('<a href="https://ok.example/" rel="noopener noreferrer">ok</a>')
    expect(hostile.markdown).toContain('| Single | 90 €  |')
    expect(hostile.html).toContain('<td>90 €</td>')
  })

  it('guesses each post’s language when the source does not say', async () => {
    expect((await postBySlug('the-lobby')).language).toBe('en')
    expect((await postBySlug('café')).language).toBe('en')
  })

  it('redirects old addresses of a blog in a subfolder, permalinks of any structure', async () => {
    const cases: [string, string][] = [
      ['/blog/2019/05/caf%c3%a9/', '/posts/caf%C3%A9'],
      ['/blog/2019/05/caf%C3%A9', '/posts/caf%C3%A9'],
      [
        '/blog/2019/05/%D1%80%D1%83%D1%81%D1%81%D0%BA%D0%B8%D0%B9-%D0%BF%D0%BE%D1%81%D1%82/',
        '/posts/%D1%80%D1%83%D1%81%D1%81%D0%BA%D0%B8%D0%B9-%D0%BF%D0%BE%D1%81%D1%82',
      ],
      [
        '/blog/2019/05/%d1%80%d1%83%d1%81%d1%81%d0%ba%d0%b8%d0%b9-%d0%bf%d0%be%d1%81%d1%82',
        '/posts/%D1%80%D1%83%D1%81%D1%81%D0%BA%D0%B8%D0%B9-%D0%BF%D0%BE%D1%81%D1%82',
      ],
      ['/blog/?p=102', '/posts/caf%C3%A9'],
      ['/blog/category/notes/', '/categories/notes'],
      ['/blog/author/ana/', '/authors/ana'],
    ]
    await expectRedirects(cases)
  })
})

describe('a Ghost 5 export', () => {
  let report: ImportReport
  beforeAll(async () => {
    report = await importText(ghost)
  })

  it('maps html or lexical, custom_excerpt, published_at, tags and authors', async () => {
    const lobby = await postBySlug('le-lobby')
    expect(lobby.status).toBe('published')
    expect(lobby.publishedAt?.toISOString()).toBe('2023-05-01T08:30:00.000Z')
    expect(lobby.excerpt).toBe('Le salon de la ville.')
    expect(lobby.language).toBe('fr')
    expect(lobby.markdown).toContain('Le lobby est devenu le salon de la ville')
    const breakfast = await postBySlug('breakfast-matters')
    expect(breakfast.status).toBe('draft')
    expect(breakfast.markdown).toBe('The last memory of a stay is **breakfast**\n\n## Coffee')
    const [claire] = await db.select().from(authors).where(eq(authors.slug, 'claire'))
    expect(claire).toMatchObject({ name: 'Claire Roux', bio: 'Writes about hotels.' })
    expect(lobby.authorId).toBe(claire.id)
    const slugs = (await db.select().from(categories)).map((c) => c.slug)
    expect(slugs).toContain('hospitalite')
    expect(slugs).not.toContain('hash-internal')
    // A Ghost page is a page here, at the same address.
    const about = (await db.select().from(posts).where(eq(posts.title, 'About')))[0]
    expect(about).toMatchObject({ kind: 'page', slug: 'about' })
    expect(report.counts.pages.created).toBe(1)
    expect(report.skipped.some((item) => item.title === 'About')).toBe(false)
  })

  it("brings the published comments, with the member's name, and reports the hidden ones", async () => {
    const lobby = await postBySlug('le-lobby')
    const rows = await db.select().from(comments).where(eq(comments.postId, lobby.id))
    expect(rows.map((row) => [row.authorName, row.markdown, row.status])).toEqual([
      ['Inès Martin', 'Très juste, le lobby.', 'approved'],
    ])
    expect(rows[0].email).toBe('')
    expect(report.skipped.map((item) => item.reason)).toContain(
      '1 hidden or deleted comment(s): not imported',
    )
  })

  it('redirects Ghost addresses', async () => {
    const cases: [string, string][] = [
      ['/le-lobby/', '/posts/le-lobby'],
      ['/tag/hospitalite/', '/categories/hospitalite'],
      ['/author/claire/', '/authors/claire'],
      ['/rss/', '/rss.xml'],
      // The page keeps its address: only the trailing slash goes.
      ['/about/', '/about'],
    ]
    await expectRedirects(cases)
    const about = await exports.default.fetch('https://blog.example/about')
    expect(about.status).toBe(200)
    expect(await about.text()).toContain('About us.')
  })
})
