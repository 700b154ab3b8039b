import { beforeAll, describe, expect, it } from 'vitest'
import { deleteMediaIfUnused, mediaKeysIn, whereMediaIsUsed } from '../../../src/features/media/queries'
import { createPost, purgeTrash, trashPost } from '../../../src/features/posts/writes'
import { createAuthorAndCategories, db, postInput, updatePostAsLoaded } from '../../fixtures'
import { storeSample } from '../../media-helpers'
import * as samples from '../../media-samples'

describe('post ↔ image links', () => {
  let author: { id: number }
  beforeAll(async () => {
    ;({ author } = await createAuthorAndCategories())
  })

  it('records body and featured images on every save, so "where used" is one query', async () => {
    const photo = await storeSample(samples.jpegWithGps)
    const banner = await storeSample(samples.pngWithMetadata)
    const html = `<p><img src="/media/${photo.key}" alt="x"></p>`
    const id = await createPost(
      db,
      postInput({ slug: 'with-images', authorId: author.id, html, featuredMediaId: banner.id }),
    )
    expect(await whereMediaIsUsed(db, photo.id)).toEqual([
      { postId: id, title: 'Post with-images', slug: 'with-images', role: 'body', inTrash: false },
    ])
    expect((await whereMediaIsUsed(db, banner.id)).map((use) => use.role)).toEqual(['featured'])

    // A save without the featured field keeps the featured image; the body image is gone.
    await updatePostAsLoaded(db, id, postInput({ slug: 'with-images', authorId: author.id }), null)
    expect(await whereMediaIsUsed(db, photo.id)).toEqual([])
    expect(await whereMediaIsUsed(db, banner.id)).toHaveLength(1)

    await updatePostAsLoaded(
      db,
      id,
      postInput({ slug: 'with-images', authorId: author.id, featuredMediaId: null }),
      null,
    )
    expect(await whereMediaIsUsed(db, banner.id)).toEqual([])
  })

  it('refuses to delete an image a post uses, even from the trash, and deletes it once unused', async () => {
    const photo = await storeSample(samples.webpWithMetadata)
    const id = await createPost(
      db,
      postInput({ slug: 'uses-it', authorId: author.id, html: `<img src="/media/${photo.key}">` }),
    )
    await trashPost(db, id)
    expect(await deleteMediaIfUnused(db, photo.id)).toBeNull()
    expect(await whereMediaIsUsed(db, photo.id)).toMatchObject([{ postId: id, inTrash: true }])
    await purgeTrash(db, Date.now() + 31 * 86_400_000)
    expect(await deleteMediaIfUnused(db, photo.id)).toMatchObject({ id: photo.id })
  })

  it('finds /media/ paths in HTML, each once', () => {
    const key = `${'a'.repeat(64)}.webp`
    expect(
      mediaKeysIn(`<img src="/media/${key}"><img src="/media/${key}"><img src="/media/x.png">`),
    ).toEqual([key])
  })

  it('links many images per post past the 100-parameter limit', async () => {
    const photo = await storeSample(samples.gif)
    const fake = Array.from(
      { length: 150 },
      (_, n) => `/media/${n.toString(16).padStart(64, '0')}.jpg`,
    )
    const html = [...fake, `/media/${photo.key}`].map((src) => `<img src="${src}">`).join('')
    await createPost(db, postInput({ slug: 'many', authorId: author.id, html }))
    expect(await whereMediaIsUsed(db, photo.id)).toHaveLength(1)
  })
})
