import { beforeAll, describe, expect, it } from 'vitest'
import { BloomFilter } from '../../../src/features/page-cache/bloom-filter'
import { readKnownAddresses } from '../../../src/features/page-cache/known-addresses-query'
import {
  fromNotFoundTemplate,
  toNotFoundTemplate,
} from '../../../src/features/page-cache/not-found-page'
import { decidingAddresses } from '../../../src/features/page-cache/reader-routes'
import { addRedirect } from '../../../src/features/redirects/queries'
import type { Site } from '../../../src/types'
import {
  createAuthorAndCategories,
  createHiddenPosts,
  createPublishedPosts,
  db,
} from '../../fixtures'

describe('the Bloom filter', () => {
  it('holds every string added, and few of the others', () => {
    const added = Array.from({ length: 20_000 }, (_, i) => `/posts/été-${i}`)
    const filter = BloomFilter.fromBytes(
      BloomFilter.of(added, added.length).toBytes().slice().buffer,
    )
    expect(added.filter((text) => !filter.has(text))).toEqual([])
    const absent = Array.from({ length: 50_000 }, (_, i) => `/posts/ete-${i}`)
    const perhaps = absent.filter((text) => filter.has(text)).length
    expect(perhaps / absent.length).toBeLessThan(0.002)
  })
})

describe('the known addresses', () => {
  beforeAll(async () => {
    const { author, essays } = await createAuthorAndCategories()
    await createPublishedPosts(3, author.id, [essays.id])
    await createHiddenPosts(author.id, [essays.id])
    await addRedirect(db, '/caf%C3%A9/?p=3', '/posts/post-3')
    await addRedirect(db, '/%2Fnot-a-slash', '/posts/post-2')
  })

  it('are every post (drafts and scheduled ones too), category, author and old address', async () => {
    const { addresses, version } = await readKnownAddresses(db)
    expect(version).toBeGreaterThan(0)
    expect(addresses).toEqual(
      expect.arrayContaining([
        '/posts/post-1',
        '/posts/a-draft',
        '/posts/later',
        '/categories/essais',
        '/categories/notes',
        '/authors/claire-dubois',
        '/authors/james-hart',
        // An old address by its path, as stored and as Hono decodes a request's.
        '/caf%C3%A9/',
        '/café/',
        // `%2F` stays escaped in the decoded path, as it does in `c.req.path`.
        '/%2Fnot-a-slash',
      ]),
    )
  })

  it('are not kept past their limit', async () => {
    expect((await readKnownAddresses(db, 5)).addresses).toBeNull()
    expect((await readKnownAddresses(db, 1_000)).addresses).not.toBeNull()
  })
})

describe('the addresses that decide a 404', () => {
  it('are the path and, on a slug route, the slug as the route reads it', () => {
    expect(decidingAddresses('/posts/caf%C3%A9')).toEqual(['/posts/caf%C3%A9', '/posts/café'])
    expect(decidingAddresses('/categories/x/atom.xml')).toEqual([
      '/categories/x/atom.xml',
      '/categories/x',
    ])
    expect(decidingAddresses('/authors/x/y')).toEqual(['/authors/x/y'])
    expect(decidingAddresses('/2019/05/old')).toEqual(['/2019/05/old'])
  })

  it('are none for fixed pages, sitemap files and trailing slashes', () => {
    for (const path of ['/', '/notes', '/search', '/rss.xml', '/sitemap-3.xml', '/nowhere/'])
      expect(decidingAddresses(path)).toBeNull()
  })
})

describe('the shared 404 page', () => {
  const site = { url: 'https://blog.example' } as Site
  const page = (path: string) =>
    `<link rel="canonical" href="https://blog.example${path}"/><meta content="https://blog.example${path}"/><p>Not here</p>`

  it('takes each address’s canonical URL', () => {
    const template = toNotFoundTemplate(page('/x8f3k2'), site, '/x8f3k2')!
    expect(template).not.toContain('x8f3k2')
    expect(fromNotFoundTemplate(template, site, '/a&b"c')).toBe(page('/a&amp;b&quot;c'))
  })

  it('is not shared when the address shows elsewhere in the page', () => {
    expect(toNotFoundTemplate(`${page('/x8f3k2')}<p>/x8f3k2</p>`, site, '/x8f3k2')).toBeNull()
    // Short enough to be part of the page's own text (`</p>`).
    expect(toNotFoundTemplate(page('/p'), site, '/p')).toBeNull()
  })
})
