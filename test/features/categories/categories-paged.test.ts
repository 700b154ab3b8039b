import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES_PER_PAGE, TOP_CATEGORIES } from '../../../src/features/categories/page-queries'
import { createAuthorAndCategories, createHiddenPosts, createPublishedPosts } from '../../fixtures'

const TERMS = 10_000
const POSTS = 30
const get = (path: string) => exports.default.fetch(`https://blog.example${path}`)

/** The `<li>` of a list: slug and count, in order. */
const itemsIn = (html: string) =>
  [
    ...html.matchAll(
      /<li><a href="\/categories\/([^"]+)">[^<]+<\/a> <span class="category-count">\(([^)]+)\)/g,
    ),
  ].map((m) => `${m[1]}: ${m[2]}`)

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  await createPublishedPosts(POSTS, author.id)
  await createHiddenPosts(author.id, [])
  // Set-wise, with no more than one parameter a statement: 10,000 categories, each in one post;
  // cat-00001 … cat-00005 in 11 … 15 posts; a category whose only post is a draft.
  await env.DB.batch([
    env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO categories (slug, name) SELECT printf('cat-%05d', i), printf('Category %05d', i) FROM n`,
    ).bind(TERMS),
    env.DB.prepare(
      `INSERT INTO posts_categories (post_id, category_id, sort_order, listed_at)
       SELECT p.id, c.id, 0, p.published_at FROM categories c
       JOIN posts p ON p.slug = 'post-' || (CAST(substr(c.slug, 5) AS INTEGER) % CAST(?1 AS INTEGER) + 1)
       WHERE c.slug LIKE 'cat-%'`,
    ).bind(POSTS),
    env.DB.prepare(
      `INSERT OR IGNORE INTO posts_categories (post_id, category_id, sort_order, listed_at)
       SELECT p.id, c.id, 0, p.published_at FROM categories c JOIN posts p
       WHERE c.slug BETWEEN 'cat-00001' AND 'cat-00005' AND p.slug LIKE 'post-%'
         AND CAST(substr(p.slug, 6) AS INTEGER) <= 10 + CAST(substr(c.slug, 5) AS INTEGER)`,
    ),
    env.DB.prepare(
      `INSERT INTO categories (slug, name) VALUES ('draft-only', 'Draft only');
       INSERT INTO posts_categories (post_id, category_id, sort_order, listed_at)
       SELECT p.id, c.id, 0, NULL FROM posts p, categories c
       WHERE p.slug = 'a-draft' AND c.slug = 'draft-only'`,
    ),
  ])
}, 60_000)

describe(`/categories with ${TERMS} categories`, () => {
  it('opens with the most used, then the first page A to Z and a link to the next', async () => {
    const html = await (await get('/categories')).text()
    const [top, aToZ] = html.split('<h2>All categories, A to Z</h2>')
    expect(top).toContain('<h2>Most used</h2>')
    const topItems = itemsIn(top)
    expect(topItems).toHaveLength(TOP_CATEGORIES)
    expect(topItems.slice(0, 6)).toEqual([
      'cat-00005: 15 posts',
      'cat-00004: 14 posts',
      'cat-00003: 13 posts',
      'cat-00002: 12 posts',
      'cat-00001: 11 posts',
      'cat-00006: 1 post',
    ])
    const first = itemsIn(aToZ)
    expect(first).toHaveLength(CATEGORIES_PER_PAGE)
    expect(first[0]).toBe('cat-00001: 11 posts')
    expect(first[1]).toBe('cat-00002: 12 posts')
    expect(aToZ).toContain(
      `<a href="/categories?after=cat-${String(CATEGORIES_PER_PAGE).padStart(5, '0')}" rel="next">More categories →</a>`,
    )
  })

  it('pages through every category once, a bounded page at a time', async () => {
    const seen: string[] = []
    let path: string | null = '/categories'
    let pages = 0
    while (path) {
      const html: string = await (await get(path)).text()
      const list = html.includes('<h2>Most used</h2>')
        ? html.split('<h2>All categories, A to Z</h2>')[1]
        : html
      expect(path === '/categories' || !html.includes('Most used'), path).toBe(true)
      const items = itemsIn(list)
      expect(items.length).toBeLessThanOrEqual(CATEGORIES_PER_PAGE)
      seen.push(...items.map((item) => item.split(':')[0]))
      path = /<a href="([^"]+)" rel="next">/.exec(html)?.[1].replace(/&amp;/g, '&') ?? null
      pages++
    }
    expect(pages).toBe(Math.ceil(TERMS / CATEGORIES_PER_PAGE))
    expect(new Set(seen).size).toBe(TERMS)
    expect(seen).toEqual([...seen].sort())
    expect(seen).not.toContain('draft-only')
  })

  it('treats an `after` that is not a slug as the first page', async () => {
    const html = await (await get('/categories?after=%3Cscript%3E')).text()
    expect(html).toContain('<h2>Most used</h2>')
    expect(itemsIn(html.split('<h2>All categories, A to Z</h2>')[1])[0]).toBe('cat-00001: 11 posts')
  })
})
