import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../../src/index'
import { createPost } from '../../../src/features/posts/writes'
import type { Media } from '../../../src/db/schema'
import { readImageInfo } from '../../../src/features/media/image-info'
import { createAuthorAndCategories, db, postInput } from '../../fixtures'
import { includesBytes, storeSample } from '../../media-helpers'
import * as samples from '../../media-samples'

const BASE = 'https://blog.example'
const get = (path: string, init?: RequestInit) => exports.default.fetch(`${BASE}${path}`, init)

/** The app with Cloudflare Images bound, as in production when the account has it. */
async function getWithImages(path: string, images: ImagesBinding = env.TEST_IMAGES) {
  const ctx = createExecutionContext()
  const response = await app.fetch(new Request(`${BASE}${path}`), { ...env, IMAGES: images }, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

/** Cloudflare Images, counting the images it is asked to read. */
function countingImages() {
  const counted = { inputs: 0 }
  const images = {
    ...env.TEST_IMAGES,
    input: (...args: Parameters<ImagesBinding['input']>) => {
      counted.inputs++
      return env.TEST_IMAGES.input(...args)
    },
    info: (...args: Parameters<ImagesBinding['info']>) => env.TEST_IMAGES.info(...args),
  } as ImagesBinding
  return { images, counted }
}

function imgTags(html: string): string[] {
  return html.match(/<img\b[^>]*>/g) ?? []
}

let photo: Media
let wide: Media
let banner: Media

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  photo = await storeSample(samples.jpegWithGps)
  wide = await storeSample(samples.wideJpeg)
  banner = await storeSample(samples.pngWithMetadata)
  await createPost(
    db,
    postInput({
      slug: 'with-featured',
      title: 'With a featured image',
      authorId: author.id,
      html: `<p><img src="/media/${photo.key}" alt="Une rue"></p><p><img src="/media/${wide.key}" alt="" title="decorative"></p>`,
      featuredMediaId: banner.id,
      featuredImageAlt: 'La façade de l’hôtel',
      publishedAt: new Date(Date.UTC(2024, 1, 2)),
    }),
  )
  await createPost(
    db,
    postInput({
      slug: 'body-only',
      authorId: author.id,
      html: `<p><img src="/media/${wide.key}" alt="Large"><img src="/media/${photo.key}" alt="Petit"></p>`,
      publishedAt: new Date(Date.UTC(2024, 1, 1)),
    }),
  )
  await createPost(
    db,
    postInput({
      slug: 'no-image',
      authorId: author.id,
      publishedAt: new Date(Date.UTC(2024, 0, 1)),
    }),
  )
})

describe('/media/…', () => {
  it('serves the stored image with its type, an ETag and a year of immutable caching', async () => {
    const response = await get(`/media/${photo.key}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/jpeg')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('ETag')).toBe(`"${photo.hash}"`)
    expect(response.headers.get('Content-Security-Policy')).toContain("img-src 'self'")
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(bytes.byteLength).toBe(photo.bytes)
    expect(readImageInfo(bytes)).toMatchObject({ type: 'jpg', width: 40, height: 30 })
  })

  it('serves a JPEG uploaded with GPS coordinates without them', async () => {
    const bytes = new Uint8Array(await (await get(`/media/${photo.key}`)).arrayBuffer())
    for (const text of ['GPS', 'AcmeCam', 'Exif', 'xmpmeta']) {
      expect(includesBytes(bytes, text), text).toBe(false)
    }
  })

  it('answers 304 to If-None-Match with the same ETag', async () => {
    const first = await get(`/media/${photo.key}`)
    const etag = first.headers.get('ETag')!
    await first.arrayBuffer()
    const again = await get(`/media/${photo.key}`, { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('ETag')).toBe(etag)
    expect(again.headers.get('Cache-Control')).toContain('immutable')
    expect(await again.text()).toBe('')
    const other = await get(`/media/${photo.key}`, { headers: { 'If-None-Match': '"nope"' } })
    expect(other.status).toBe(200)
    await other.arrayBuffer()
  })

  it('may be shown by other sites (feed readers), while pages stay same-origin', async () => {
    const image = await get(`/media/${photo.key}`)
    await image.arrayBuffer()
    expect(image.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
    const etag = image.headers.get('ETag')!
    const unchanged = await get(`/media/${photo.key}`, { headers: { 'If-None-Match': etag } })
    expect(unchanged.status).toBe(304)
    expect(unchanged.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
    const resized = await getWithImages(`/media/${wide.key}?w=320`)
    await resized.arrayBuffer()
    expect(resized.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
    for (const path of ['/', '/posts/with-featured', '/feed', '/mediator']) {
      const page = await get(path)
      await page.arrayBuffer()
      expect(page.headers.get('Cross-Origin-Resource-Policy'), path).toBe('same-origin')
    }
  })

  it('answers 404 for an unknown image and for names that are not content hashes', async () => {
    const unknown = await get(`/media/${'0'.repeat(64)}.jpg`)
    expect(unknown.status).toBe(404)
    await unknown.text()
    const badName = await get('/media/../admin.jpg')
    expect(badName.status).toBe(404)
    await badName.text()
  })

  it('serves the original for ?w= without Cloudflare Images, a narrower copy with it', async () => {
    const plain = await get(`/media/${wide.key}?w=320`)
    expect(readImageInfo(new Uint8Array(await plain.arrayBuffer()))?.width).toBe(1200)
    const resized = await getWithImages(`/media/${wide.key}?w=320`)
    expect(resized.status).toBe(200)
    expect(resized.headers.get('Content-Type')).toBe('image/jpeg')
    expect(resized.headers.get('ETag')).toBe(`"${wide.hash}-w320"`)
    expect(readImageInfo(new Uint8Array(await resized.arrayBuffer()))?.width).toBe(320)
  })
})

describe('/media/…?w= with Cloudflare Images', () => {
  it('resizes an image once per width and serves the copy kept in the cache after that', async () => {
    const { images, counted } = countingImages()
    const first = await getWithImages(`/media/${wide.key}?w=640`, images)
    const firstBytes = new Uint8Array(await first.arrayBuffer())
    expect(readImageInfo(firstBytes)?.width).toBe(640)
    expect(counted.inputs).toBe(1)

    // The same width again, and with another parameter: the kept copy, not a new resize.
    for (const path of [`/media/${wide.key}?w=640`, `/media/${wide.key}?w=640&utm=feed`]) {
      const again = await getWithImages(path, images)
      expect(again.status).toBe(200)
      expect(again.headers.get('Content-Type')).toBe('image/jpeg')
      expect(again.headers.get('ETag')).toBe(`"${wide.hash}-w640"`)
      expect(again.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
      expect(again.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
      expect(new Uint8Array(await again.arrayBuffer())).toEqual(firstBytes)
    }
    expect(counted.inputs).toBe(1)

    // Another width is another copy.
    const wider = await getWithImages(`/media/${wide.key}?w=960`, images)
    expect(readImageInfo(new Uint8Array(await wider.arrayBuffer()))?.width).toBe(960)
    expect(counted.inputs).toBe(2)
  })
})

describe('reader pages with images', () => {
  it('shows the featured image first, with its alt, size and og:image; body images lazy', async () => {
    const response = await get('/posts/with-featured')
    const html = await response.text()
    const tags = imgTags(html)
    expect(tags).toHaveLength(3)
    const [featured, first, decorative] = tags
    expect(featured).toContain(`src="/media/${banner.key}"`)
    expect(featured).toContain('alt="La façade de l’hôtel"')
    expect(featured).toContain('width="40"')
    expect(featured).toContain('height="30"')
    expect(featured).not.toContain('loading="lazy"')
    expect(first).toContain('width="40" height="30"')
    expect(first).toContain('loading="lazy"')
    expect(first).toContain('decoding="async"')
    expect(decorative).toContain('alt=""')
    expect(decorative).not.toContain('title=')
    expect(decorative).toContain('width="1200" height="800"')
    expect(html.indexOf('featured-image')).toBeLessThan(html.indexOf('class="post-body"'))
    expect(html).toContain(`<meta property="og:image" content="${BASE}/media/${banner.key}"/>`)
    expect(tags.join('')).not.toContain('srcset')
  })

  it('loads the first body image at once when there is no featured image; no og:image', async () => {
    const html = await (await get('/posts/body-only')).text()
    const [first, second] = imgTags(html)
    expect(first).toContain(`src="/media/${wide.key}"`)
    expect(first).not.toContain('loading=')
    expect(second).toContain('loading="lazy"')
    expect(html).not.toContain('og:image')
  })

  it('adds srcset and sizes when Cloudflare Images is bound', async () => {
    const html = await (await getWithImages('/posts/body-only')).text()
    const [first] = imgTags(html)
    expect(first).toContain(
      `srcset="/media/${wide.key}?w=320 320w, /media/${wide.key}?w=640 640w, /media/${wide.key}?w=960 960w, /media/${wide.key} 1200w"`,
    )
    expect(first).toContain('sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"')
  })

  it('shows thumbnails in lists with their size, the first one not lazy; posts without stay plain', async () => {
    const html = await (await get('/')).text()
    const thumbnails = imgTags(html)
    expect(thumbnails).toHaveLength(1)
    expect(thumbnails[0]).toContain(`src="/media/${banner.key}"`)
    expect(thumbnails[0]).toContain('width="40" height="30"')
    expect(thumbnails[0]).not.toContain('loading="lazy"')
    expect(html).toContain('<article class="post-summary has-thumbnail"')
    expect(html).toMatch(
      /<article class="post-summary" lang="en" data-post-id="\d+">\s*<h2><a href="\/posts\/no-image">/,
    )
  })
})
