import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { findMediaByKey, whereMediaIsUsed } from '../../../src/features/media/queries'
import { createPost } from '../../../src/features/posts/writes'
import { MAX_MEDIA_BYTES } from '../../../src/features/media/store'
import { ORIGIN, createEditor, logIn, request } from '../../admin-helpers'
import { createAuthorAndCategories, db, postInput, updatePostAsLoaded } from '../../fixtures'
import { fromBase64 } from '../../media-helpers'
import * as samples from '../../media-samples'

type UploadOptions = { cookie?: string; json?: boolean; alt?: string; origin?: string | null }

function upload(bytes: Uint8Array, filename: string, options: UploadOptions = {}) {
  const body = new FormData()
  body.append('file', new File([bytes], filename, { type: 'application/octet-stream' }))
  body.append('alt', options.alt ?? 'Une façade')
  const headers: Record<string, string> = {}
  if (options.origin !== null) headers.Origin = options.origin ?? ORIGIN
  if (options.json) headers.Accept = 'application/json'
  return request('/admin/media', { method: 'POST', body, headers, cookie: options.cookie })
}

let cookie: string
let authorId: number

beforeAll(async () => {
  await createEditor('iris@example.com')
  cookie = await logIn('iris@example.com')
  authorId = (await createAuthorAndCategories()).author.id
})

describe('image upload', () => {
  it('stores an upload from the form and shows it on the media page', async () => {
    const response = await upload(fromBase64(samples.jpegWithGps), 'photo.jpg', { cookie })
    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe('/admin/media?uploaded=new')
    const page = await (await request('/admin/media?uploaded=new', { cookie })).text()
    expect(page).toContain('Image uploaded.')
    expect(page).toMatch(/<code>\/media\/[0-9a-f]{64}\.jpg<\/code>/)
    expect(page).toContain('40 × 30 px')
    expect(page).toContain('Une façade')
    expect(page).toContain('Not used')
  })

  it('answers the editor widget in JSON, and stores the same file once', async () => {
    const first = await upload(fromBase64(samples.gif), 'a.gif', { cookie, json: true })
    expect(first.status).toBe(201)
    const stored = (await first.json()) as { url: string; width: number; deduplicated: boolean }
    expect(stored).toMatchObject({ width: 16, height: 12, deduplicated: false })
    expect(stored.url).toMatch(/^\/media\/[0-9a-f]{64}\.gif$/)
    const again = await upload(fromBase64(samples.gif), 'copy.gif', { cookie, json: true })
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ url: stored.url, deduplicated: true })
    const objects = await env.MEDIA.list()
    expect(objects.objects.filter((o) => `/media/${o.key}` === stored.url)).toHaveLength(1)
  })

  it('takes a PNG named .jpg as a PNG', async () => {
    const response = await upload(fromBase64(samples.pngWithMetadata), 'holiday.jpg', {
      cookie,
      json: true,
    })
    const body = (await response.json()) as { url: string }
    expect(body.url).toMatch(/\.png$/)
    const served = await exports.default.fetch(`${ORIGIN}${body.url}`)
    expect(served.headers.get('Content-Type')).toBe('image/png')
    await served.arrayBuffer()
  })

  it('refuses HTML named .png and SVG with 415, keeping what was typed', async () => {
    const html = new TextEncoder().encode('<html><body><script>alert(1)</script></body></html>')
    const response = await upload(html, 'cat.png', { cookie, alt: 'Mon « chat »' })
    expect(response.status).toBe(415)
    const page = await response.text()
    expect(page).toContain('is not a JPEG, PNG, WebP, AVIF or GIF image')
    expect(page).toContain('value="Mon « chat »"')
    expect(page).toContain('aria-invalid="true"')
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    const json = await upload(svg, 'logo.svg', { cookie, json: true })
    expect(json.status).toBe(415)
    expect(await json.json()).toMatchObject({ ok: false, code: 'unsupportedType' })
  })

  it('refuses a file over 10 MB with 413, and a far larger request too', async () => {
    const big = new Uint8Array(MAX_MEDIA_BYTES + 1)
    big.set(fromBase64(samples.jpegWithGps))
    const response = await upload(big, 'big.jpg', { cookie, alt: 'Grande photo' })
    expect(response.status).toBe(413)
    const page = await response.text()
    expect(page).toContain('larger than 10 MB')
    expect(page).toContain('value="Grande photo"')
    const huge = await upload(new Uint8Array(MAX_MEDIA_BYTES + 200_000), 'huge.jpg', {
      cookie,
      json: true,
    })
    expect(huge.status).toBe(413)
    expect(await huge.json()).toMatchObject({ code: 'tooLarge' })
  })

  it('refuses an alt text over 500 characters, keeping it in the form', async () => {
    const alt = 'é'.repeat(501)
    const response = await upload(fromBase64(samples.avif), 'a.avif', { cookie, alt })
    expect(response.status).toBe(422)
    const page = await response.text()
    expect(page).toContain('The alt text may be 500 characters at most.')
    expect(page).toContain(`value="${alt}"`)
  })

  it('is for editors only: 401 for an upload without a session, login for the page', async () => {
    const anonymous = await upload(fromBase64(samples.avif), 'a.avif')
    expect(anonymous.status).toBe(401)
    await anonymous.text()
    const page = await request('/admin/media')
    expect(page.status).toBe(303)
    expect(page.headers.get('Location')).toBe('/admin?next=%2Fadmin%2Fmedia')
    const removal = await request('/admin/media/1/delete', { form: {} })
    expect(removal.status).toBe(401)
    await removal.text()
  })

  it('refuses an upload from another site (CSRF)', async () => {
    const response = await upload(fromBase64(samples.avif), 'a.avif', {
      cookie,
      origin: 'https://evil.example',
    })
    expect(response.status).toBe(403)
    await response.text()
    const noOrigin = await upload(fromBase64(samples.avif), 'a.avif', { cookie, origin: null })
    expect(noOrigin.status).toBe(403)
    await noOrigin.text()
  })
})

describe('deleting an image', () => {
  it('is refused with the list of posts while one uses it, then removes it from D1 and R2', async () => {
    const response = await upload(fromBase64(samples.webpWithMetadata), 'p.webp', {
      cookie,
      json: true,
    })
    const { id, url } = (await response.json()) as { id: number; url: string }
    const key = url.slice('/media/'.length)
    const postId = await createPost(
      db,
      postInput({ slug: 'uses-webp', title: 'Le « salon »', authorId, html: `<img src="${url}">` }),
    )
    const refused = await request(`/admin/media/${id}/delete`, { form: {}, cookie })
    expect(refused.status).toBe(409)
    const page = await refused.text()
    expect(page).toContain('This image is still used')
    expect(page).toContain(`<a href="/admin/posts/${postId}">Le « salon »</a>`)
    expect(await env.MEDIA.head(key)).not.toBeNull()

    await updatePostAsLoaded(db, postId, postInput({ slug: 'uses-webp', authorId }), null)
    expect(await whereMediaIsUsed(db, id)).toEqual([])
    const deleted = await request(`/admin/media/${id}/delete`, { form: {}, cookie })
    expect(deleted.status).toBe(303)
    expect(await findMediaByKey(db, key)).toBeNull()
    expect(await env.MEDIA.head(key)).toBeNull()
  })
})
