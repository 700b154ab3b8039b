import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../../src/index'
import { createPost } from '../../../src/features/posts/writes'
import type { Media } from '../../../src/db/schema'
import { mediaUrl } from '../../../src/features/media/url'
import {
  createAuthorAndCategories,
  createPublishedPosts,
  db,
  HOUR,
  postInput,
} from '../../fixtures'
import { storeSample } from '../../media-helpers'
import { jpegWithGps, pngWithMetadata } from '../../media-samples'
import { countingD1 } from '../../support/d1-calls'

const BASE = 'https://blog.example'
let cover: Media
let inBody: Media

beforeAll(async () => {
  const ids = await createAuthorAndCategories()
  await createPublishedPosts(3, ids.author.id, [ids.essays.id])
  cover = await storeSample(jpegWithGps)
  inBody = await storeSample(pngWithMetadata)
  await createPost(
    db,
    postInput({
      slug: 'with-images',
      authorId: ids.author.id,
      categoryIds: [ids.notes.id],
      publishedAt: new Date(Date.now() - HOUR),
      html: `<p>Le hall.</p><p><img src="${mediaUrl(inBody)}" alt="Le hall"></p>`,
      featuredMediaId: cover.id,
      featuredImageAlt: 'La façade',
    }),
  )
})

describe('the post page', () => {
  it('reads the post, its categories, its neighbours and its images in one D1 round trip', async () => {
    const { d1, calls } = countingD1()
    // Without the page cache's probe and the audience counter: the page's own reads only.
    const response = await app.request(
      `${BASE}/posts/with-images`,
      {},
      { ...env, DB: d1, PAGE_CACHE: 'off', ANALYTICS_ENABLED: 'false' },
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(
      `<img src="${mediaUrl(cover)}" alt="La façade" width="${cover.width}" height="${cover.height}"`,
    )
    expect(html).toMatch(
      new RegExp(`<img src="${mediaUrl(inBody)}" alt="Le hall" width="${inBody.width}"`),
    )
    expect(html).toContain('href="/categories/notes"')
    expect(html).toContain('href="/posts/post-3" rel="next"')
    // The site's settings are the layout's, not the page's: one statement of their own, which an
    // isolate makes once per content version when the page cache is on (app/site-context.ts).
    const settings = calls.filter((call) => /^all: SELECT "site_settings"/.test(call))
    expect(settings).toHaveLength(1)
    const own = calls.filter((call) => !settings.includes(call))
    expect(own, calls.join('\n')).toHaveLength(1)
    expect(own[0]).toMatch(/^batch/)
  })
})
