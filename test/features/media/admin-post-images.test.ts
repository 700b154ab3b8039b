import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { whereMediaIsUsed } from '../../../src/features/media/queries'
import { posts, type Media } from '../../../src/db/schema'
import { createEditor, logIn, request } from '../../admin-helpers'
import { createAuthorAndCategories, db } from '../../fixtures'
import { storeSample } from '../../media-helpers'
import * as samples from '../../media-samples'

let cookie: string
let authorId: number
let photo: Media
let banner: Media

function postForm(overrides: Record<string, string> = {}) {
  return {
    title: 'Une chambre avec vue',
    slug: '',
    excerpt: '',
    markdown: `La vue.\n\n![Les toits de Paris](/media/${photo.key})`,
    newCategory: '',
    language: 'fr',
    authorId: String(authorId),
    status: 'published',
    publishDate: '',
    publishTime: '',
    timeZone: 'Europe/Paris',
    featuredImage: `/media/${banner.key}`,
    featuredImageAlt: 'La façade',
    ...overrides,
  }
}

const save = (form: Record<string, string>, path = '/admin/posts') =>
  request(path, { cookie, form })

function savedId(response: Response): number {
  expect(response.status).toBe(303)
  return Number(/\/admin\/posts\/(\d+)/.exec(response.headers.get('Location') ?? '')![1])
}

beforeAll(async () => {
  await createEditor('lea@example.com')
  cookie = await logIn('lea@example.com')
  authorId = (await createAuthorAndCategories()).author.id
  photo = await storeSample(samples.jpegWithGps, 'Toits')
  banner = await storeSample(samples.pngWithMetadata, 'Façade')
})

describe('images in the post editor', () => {
  it('saves the featured image and its alt, links the images and shows them in the editor', async () => {
    const id = savedId(await save(postForm()))
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.featuredMediaId).toBe(banner.id)
    expect(post.featuredImageAlt).toBe('La façade')
    expect((await whereMediaIsUsed(db, photo.id)).map((use) => use.postId)).toEqual([id])
    expect((await whereMediaIsUsed(db, banner.id)).map((use) => use.role)).toEqual(['featured'])

    const editor = await (await request(`/admin/posts/${id}`, { cookie })).text()
    expect(editor).toContain(
      `name="featuredImage" id="featured-image" value="/media/${banner.key}"`,
    )
    expect(editor).toContain(
      `id="featured-preview" src="/media/${banner.key}" width="40" height="30"`,
    )
    expect(editor).toContain('value="La façade"')
    // The preview already has the stored size.
    expect(editor).toContain(
      `<img src="/media/${photo.key}" alt="Les toits de Paris" width="40" height="30"`,
    )
    expect(editor).toMatch(/<script src="\/js\/media-editor\.[0-9a-f]{8}\.js" defer="">/)
    expect(editor).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
  })

  it('removes the featured image when the field is emptied', async () => {
    const id = savedId(await save(postForm({ title: 'Sans image à la une' })))
    savedId(
      await save(
        postForm({
          title: 'Sans image à la une',
          slug: 'sans-image-a-la-une',
          featuredImage: '',
          version: '1',
        }),
        `/admin/posts/${id}`,
      ),
    )
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    expect(post.featuredMediaId).toBeNull()
    expect((await whereMediaIsUsed(db, banner.id)).map((use) => use.postId)).not.toContain(id)
  })

  it('refuses an unknown featured image, keeping the form', async () => {
    const unknown = `/media/${'1'.repeat(64)}.jpg`
    const response = await save(postForm({ title: 'Image inconnue', featuredImage: unknown }))
    expect(response.status).toBe(422)
    const page = await response.text()
    expect(page).toContain('This is not the path of an uploaded image')
    expect(page).toContain(`value="${unknown}"`)
    expect(page).toContain('value="Image inconnue"')
  })

  it('asks for alt texts before publishing, not for a draft; decorative images need none', async () => {
    const noAlt = postForm({
      title: 'Sans texte alternatif',
      markdown: `![](/media/${photo.key})`,
      featuredImageAlt: '',
    })
    const refused = await save(noAlt)
    expect(refused.status).toBe(422)
    const page = await refused.text()
    expect(page).toContain('give these images an alt text (or mark them decorative)')
    expect(page).toContain(`/media/${photo.key}`)
    expect(page).toContain('Describe the featured image before publishing.')
    expect(page).toContain('id="featuredImageAlt-error"')

    savedId(await save({ ...noAlt, status: 'draft' }))

    const decorative = postForm({
      title: 'Image décorative',
      markdown: `Texte.\n\n![](/media/${photo.key} "decorative")`,
    })
    const id = savedId(await save(decorative))
    const [post] = await db.select().from(posts).where(eq(posts.id, id))
    const html = await (await request(`/posts/${post.slug}`)).text()
    expect(html).toMatch(new RegExp(`<img src="/media/${photo.key}" alt="" width="40" height="30"`))
  })

  it('gives the preview images their stored width and height', async () => {
    const response = await request('/admin/posts/preview', {
      cookie,
      form: { markdown: `![Toits](/media/${photo.key})`, language: 'fr' },
    })
    expect(await response.text()).toContain(
      `<img src="/media/${photo.key}" alt="Toits" width="40" height="30" decoding="async">`,
    )
  })

  it('lists the library for the featured image chooser', async () => {
    const html = await (await request('/admin/media/library', { cookie })).text()
    expect(html).toContain(`data-path="/media/${banner.key}"`)
    expect(html).toContain('data-width="40" data-height="30" data-alt="Façade"')
    const anonymous = await request('/admin/media/library')
    expect(anonymous.status).toBe(303)
  })
})
