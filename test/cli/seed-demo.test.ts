import { env } from 'cloudflare:workers'
import { count, eq, isNotNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { seedDemoContent } from '../../src/cli/seed-demo'
import { listFeedPage } from '../../src/features/posts/list-queries'
import { authors, categories, media, posts } from '../../src/db/schema'
import { visit } from '../site-helpers'
import { db } from '../fixtures'

describe('demo content', () => {
  it('fills an empty blog with enough posts for five Load More steps, in French and English', async () => {
    const added = await seedDemoContent(db, Date.now(), env.MEDIA)
    expect(added).toBeGreaterThanOrEqual(60)
    const [{ authorCount }] = await db.select({ authorCount: count() }).from(authors)
    const [{ categoryCount }] = await db.select({ categoryCount: count() }).from(categories)
    expect(authorCount).toBeGreaterThanOrEqual(2)
    expect(categoryCount).toBeGreaterThanOrEqual(4)
    const languages = await db.selectDistinct({ language: posts.language }).from(posts)
    expect(languages.map((l) => l.language).sort()).toEqual(['en', 'fr'])

    let window = {}
    let pages = 0
    for (;;) {
      const page = await listFeedPage(db, { kind: 'all' }, window, Date.now())
      pages++
      if (!page.nextCursor) break
      window = { after: page.nextCursor }
    }
    expect(pages).toBeGreaterThanOrEqual(6)
  })

  it('renders the long essay with headings, lists, a quote and links, accents intact', async () => {
    const [essay] = await db
      .select()
      .from(posts)
      .where(eq(posts.slug, 'l-art-de-la-seconde-attention'))
    expect(essay.title).toBe('L’art de la « seconde attention »')
    expect(essay.html).toContain('<h2>Ce qui ne s’écrit pas dans un manuel</h2>')
    expect(essay.html).toMatch(/<ul>\s*<li>/)
    expect(essay.html).toContain('<blockquote>')
    expect(essay.html).toContain('rel="noopener noreferrer"')
    const [english] = await db.select().from(posts).where(eq(posts.slug, 'the-lobby-is-the-brand'))
    expect(english.html).toContain('<table>')
    expect(english.html).toContain('<ol>')
  })

  it('has an “À propos” page in the header and featured images drawn on the spot', async () => {
    const [about] = await db.select().from(posts).where(eq(posts.slug, 'a-propos'))
    expect(about).toMatchObject({ kind: 'page', status: 'published', title: 'À propos' })
    const home = (await visit('/')).body
    expect(home).toContain('<li><a href="/a-propos">À propos</a></li>')
    expect(home).toContain('>Home</a>')
    expect((await visit('/a-propos')).body).toContain('<h1>À propos</h1>')

    const illustrated = await db
      .select({ slug: posts.slug, key: media.key, alt: posts.featuredImageAlt })
      .from(posts)
      .innerJoin(media, eq(media.id, posts.featuredMediaId))
      .where(isNotNull(posts.featuredMediaId))
    expect(illustrated.length).toBeGreaterThanOrEqual(4)
    for (const image of illustrated) {
      expect(image.alt).not.toBe('')
      const stored = await env.MEDIA.get(image.key)
      const bytes = new Uint8Array(await stored!.arrayBuffer())
      expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
    }
    const essay = (await visit('/posts/the-lobby-is-the-brand')).body
    expect(essay).toMatch(
      /<figure class="featured-image"><img[^>]+src="\/media\/[0-9a-f]{64}\.png"/,
    )
  })

  it('adds nothing when the blog already has posts', async () => {
    const [{ before }] = await db.select({ before: count() }).from(posts)
    await db
      .update(posts)
      .set({ title: 'Edited by an editor' })
      .where(eq(posts.slug, 'cafe-a-l-hotel'))
    expect(await seedDemoContent(db)).toBe(0)
    const [{ after }] = await db.select({ after: count() }).from(posts)
    expect(after).toBe(before)
    const [edited] = await db.select().from(posts).where(eq(posts.slug, 'cafe-a-l-hotel'))
    expect(edited.title).toBe('Edited by an editor')
  })
})
