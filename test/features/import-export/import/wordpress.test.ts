import { eq } from 'drizzle-orm'
import { exports } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_STATE_MAX_AGE_MS } from '../../../../src/features/page-cache/keys'
import { authors, categories, comments, posts, postsCategories } from '../../../../src/db/schema'
import { db } from '../../../fixtures'
import sample from './fixtures/wordpress-export-sample.xml?raw'
import { expectRedirects, importText, rowCounts } from './helpers'

const fetchPage = (path: string) =>
  exports.default.fetch(`https://blog.example${path}`, { redirect: 'manual' })

const postBySlug = async (slug: string) =>
  (await db.select().from(posts).where(eq(posts.slug, slug)))[0]

describe('a dry run of the WordPress sample', () => {
  it('reports what it would import and writes nothing', async () => {
    const report = await importText(sample, { dryRun: true })
    expect(report.dryRun).toBe(true)
    expect(report.counts.posts.created).toBe(9)
    expect(report.counts.authors.created).toBe(3)
    expect(report.counts.categories.created).toBe(8)
    expect(report.counts.redirects.created).toBeGreaterThan(20)
    expect(report.notes.join()).toMatch(/tags were imported as categories/)
    const skipped = report.skipped.map((s) => `${s.kind}: ${s.title}`)
    expect(skipped.some((s) => s.startsWith('page:'))).toBe(false)
    expect(report.counts.pages.created).toBe(3)
    // The spam comment is reported, not imported; the approved ones are no longer dropped.
    const comments = report.skipped.filter((s) => s.kind === 'comment')
    expect(comments.map((s) => s.reason)).toEqual([
      '1 comment(s) held for moderation or marked as spam: not imported',
    ])
    expect(JSON.stringify(report)).not.toContain('comments are not part of this blog')
    expect(await rowCounts()).toEqual({ posts: 0, authors: 0, categories: 0, redirects: 0 })
  })
})

describe('importing the WordPress sample', () => {
  let firstCounts: Awaited<ReturnType<typeof rowCounts>>
  beforeAll(async () => {
    await importText(sample)
    firstCounts = await rowCounts()
  })

  it('brings the approved comments, threaded, and shows them under their post', async () => {
    const gdpr = await postBySlug('gdpr-lhospitalite-des-marques-fait-loi-en-europe')
    const rows = await db.select().from(comments).where(eq(comments.postId, gdpr.id))
    expect(rows.map((row) => [row.authorName, row.status]).sort()).toEqual([
      ['Georges-Edouard Dias', 'approved'],
      ['Lectrice', 'approved'],
    ])
    const first = rows.find((row) => row.authorName === 'Lectrice')!
    const reply = rows.find((row) => row.parentId !== null)!
    expect(reply.parentId).toBe(first.id)
    expect(first.createdAt.toISOString()).toBe('2026-11-29T14:05:47.000Z')
    expect(reply.authorUrl).toBe('https://example.org/ged')
    // No email in clear from an import: nobody asked to hear of replies here.
    expect(rows.every((row) => row.email === '')).toBe(true)
    const page = await fetchPage('/posts/gdpr-lhospitalite-des-marques-fait-loi-en-europe')
    const html = await page.text()
    expect(html).toContain('Merci pour cet article')
    expect(html).toMatch(
      /Lectrice[\s\S]*comment-replies[\s\S]*Merci à vous, <em>chère<\/em> lectrice/,
    )
    expect(html).not.toContain('Buy now')
  })

  it('keeps statuses, UTC dates from the GMT fields and slugs', async () => {
    const gdpr = await postBySlug('gdpr-lhospitalite-des-marques-fait-loi-en-europe')
    expect(gdpr.status).toBe('published')
    expect(gdpr.publishedAt?.toISOString()).toBe('2017-10-23T13:43:48.000Z')
    expect(gdpr.title).toBe('GDPR : L’hospitalité des marques fait loi en Europe.')
    expect(gdpr.excerpt).toMatch(/^En imposant aux marques/)
    expect(gdpr.language).toBe('fr')
    const scheduled = await postBySlug('hotel-2030')
    expect(scheduled.status).toBe('scheduled')
    expect(scheduled.publishedAt?.toISOString()).toBe('2027-03-01T08:00:00.000Z')
    const draft = await postBySlug('brouillon-la-reception-de-nuit')
    expect(draft.status).toBe('draft')
    expect(draft.publishedAt).toBeNull()
  })

  it('converts the body to Markdown: headings, lists, quotes, links, code, captions', async () => {
    const gdpr = await postBySlug('gdpr-lhospitalite-des-marques-fait-loi-en-europe')
    expect(gdpr.markdown).toContain('## 1\\. Aujourd’hui')
    expect(gdpr.markdown).toContain('- **Conversation** : susciter des échanges ;')
    expect(gdpr.markdown).toContain('> La croissance est la conséquence')
    expect(gdpr.markdown).toContain('1. Premier point\n2. Second point')
    expect(gdpr.markdown).toContain(
      '[Cluetrain Manifesto](https://www.amazon.com/Cluetrain-Manifesto-End-Business-Usual/dp/0738204315)',
    )
    // Without the images downloaded, the captioned image stays a link to where it was.
    expect(gdpr.markdown).toContain(
      '[Le hall d’un hôtel au petit matin](http://127.0.0.1:8080/wp-content/uploads/2023/12/lobby.png)',
    )
    expect(gdpr.markdown).toContain('Le hall, premier chapitre de l’accueil')
    const cafe = await postBySlug('cafe-a-lhotel')
    expect(cafe.markdown).toContain('## Un café tiède')
    expect(cafe.markdown).toContain('```\n<p>Bonjour</p>\n```')
    expect(cafe.markdown).not.toContain('wp:')
    expect(cafe.html).toContain('<pre><code>&lt;p&gt;Bonjour&lt;/p&gt;')
  })

  it('brings authors as bylines and tags as categories, linked to their posts', async () => {
    const names = (await db.select().from(authors)).map((a) => a.name).sort()
    expect(names).toEqual(['Claire Roux', 'Georges-Edouard Dias', 'admin'])
    const cafe = await postBySlug('cafe-a-lhotel')
    const [claire] = await db.select().from(authors).where(eq(authors.slug, 'claire'))
    expect(cafe.authorId).toBe(claire.id)
    const linked = await db
      .select({ slug: categories.slug })
      .from(postsCategories)
      .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
      .where(eq(postsCategories.postId, cafe.id))
    expect(linked.map((c) => c.slug).sort()).toEqual(['essais', 'restauration'])
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await db.select().from(posts)
    const report = await importText(sample)
    expect(report.counts.posts).toMatchObject({ created: 0, updated: 0, unchanged: 9 })
    expect(report.counts.authors.created).toBe(0)
    expect(report.counts.categories.created).toBe(0)
    expect(report.counts.redirects.created).toBe(0)
    expect(await rowCounts()).toEqual(firstCounts)
    expect(await db.select().from(posts)).toEqual(before)
  })

  it('answers every old address with one 301 to its new place', async () => {
    const cases: [string, string][] = [
      ['/cafe-a-lhotel/', '/posts/cafe-a-lhotel'],
      ['/cafe-a-lhotel', '/posts/cafe-a-lhotel'],
      ['/?p=72', '/posts/cafe-a-lhotel'],
      ['/?p=76', '/posts/hotel-2030'],
      ['/category/essais/', '/categories/essais'],
      ['/tag/hospitalite/', '/categories/hospitalite'],
      ['/author/claire/', '/authors/claire'],
      ['/feed/', '/rss.xml'],
    ]
    await expectRedirects(cases)
    const month = await fetchPage('/2023/11/')
    expect(month.status).toBe(301)
    const archive = await fetchPage(month.headers.get('Location')!)
    expect(archive.status).toBe(200)
    const page = await archive.text()
    // The November archive starts with November's newest post, not December's.
    expect(page).toContain('LVMH centralise')
    expect(page).not.toContain('SNCF Connect')
  })
})

describe('the WordPress sample’s pages', () => {
  beforeAll(async () => {
    // Imported above in this file; importing again changes nothing, and is harmless here.
    await importText(sample)
  })

  it('become pages at the site’s root, their drafts kept as drafts', async () => {
    const about = await postBySlug('a-propos')
    expect(about).toMatchObject({ kind: 'page', status: 'published', title: 'À propos' })
    const privacy = await postBySlug('privacy-policy')
    expect(privacy).toMatchObject({ kind: 'page', status: 'draft' })
    expect((await postBySlug('sample-page')).kind).toBe('page')

    const page = await fetchPage('/a-propos')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<h1>À propos</h1>')
    expect(html).toContain('Hospitality Lab &amp; Practice for Brands.')
    expect((await fetchPage('/privacy-policy')).status).toBe(404)
    expect(await (await fetchPage('/')).text()).not.toContain('Sample Page')
  })

  it('answer at their old addresses, or redirect there', async () => {
    await expectRedirects([
      ['/a-propos/', '/a-propos'],
      ['/sample-page/', '/sample-page'],
      ['/?page_id=2', '/sample-page'],
      ['/?p=77', '/a-propos'],
    ])
    expect((await fetchPage('/sample-page')).status).toBe(200)
  })
})

describe('WordPress pages with a parent, or with one of the blog’s own addresses', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('flattens a child page’s address and redirects its old, nested one', async () => {
    const item = (id: number, slug: string, parent: number, link: string) => `<item>
<title>Page ${slug}</title><link>https://old.example${link}</link><dc:creator>ana</dc:creator>
<guid isPermaLink="false">https://old.example/?page_id=${id}</guid>
<content:encoded><![CDATA[<p>Texte de ${slug}.</p>]]></content:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-02-01 10:00:00</wp:post_date_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name><wp:status>publish</wp:status>
<wp:post_parent>${parent}</wp:post_parent><wp:post_type>page</wp:post_type></item>`
    const report = await importText(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example</link><wp:base_blog_url>https://old.example</wp:base_blog_url>
${item(501, 'services', 0, '/services/')}
${item(502, 'conseil', 501, '/services/conseil/')}
${item(503, 'search', 0, '/search/')}
</channel></rss>`)
    expect((await postBySlug('conseil')).kind).toBe('page')
    // Written as the command line writes, with no editor's request: readers see it once their
    // data centre reads the content state again, within its maximum age.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + CONTENT_STATE_MAX_AGE_MS + 1 })
    expect((await fetchPage('/conseil')).status).toBe(200)
    // A slug the blog answers itself is moved aside, and said so.
    expect((await postBySlug('search-page')).kind).toBe('page')
    expect(report.changed.map((c) => c.reason)).toContain('slug "search" became "search-page"')
    await expectRedirects([
      ['/services/conseil/', '/conseil'],
      ['/services/conseil', '/conseil'],
      ['/?page_id=503', '/search-page'],
    ])
    // The blog's own search is still the blog's, with or without a trailing slash.
    expect((await fetchPage('/search')).status).toBe(200)
    expect((await fetchPage('/search/')).headers.get('Location')).toBe('/search')
  })
})
