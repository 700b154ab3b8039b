import { eq } from 'drizzle-orm'
import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { authors, categories, posts, postsCategories } from '../../../../src/db/schema'
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
    expect(skipped).toEqual(
      expect.arrayContaining(['page: Sample Page', 'page: Privacy Policy', 'page: À propos']),
    )
    expect(skipped.some((s) => s.startsWith('comment: GDPR'))).toBe(true)
    expect(await rowCounts()).toEqual({ posts: 0, authors: 0, categories: 0, redirects: 0 })
  })
})

describe('importing the WordPress sample', () => {
  let firstCounts: Awaited<ReturnType<typeof rowCounts>>
  beforeAll(async () => {
    await importText(sample)
    firstCounts = await rowCounts()
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
