import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPost } from '../../../src/features/posts/writes'
import { addRedirect } from '../../../src/features/redirects/queries'
import { createAuthorAndCategories, db, postInput, updatePostAsLoaded } from '../../fixtures'

const fetchPage = (path: string) =>
  exports.default.fetch(`https://blog.example${path}`, { redirect: 'manual' })

beforeAll(async () => {
  const { author } = await createAuthorAndCategories()
  const id = await createPost(db, postInput({ slug: 'old-slug', authorId: author.id }))
  await updatePostAsLoaded(db, id, postInput({ slug: 'new-slug', authorId: author.id }), null)
  await addRedirect(db, '/?p=12', '/posts/new-slug')
})

describe('old addresses', () => {
  it('sends a trailing slash to the address without it, keeping the query', async () => {
    const response = await fetchPage('/posts/new-slug/?x=1')
    expect(response.status).toBe(301)
    expect(response.headers.get('Location')).toBe('/posts/new-slug?x=1')
    expect((await fetchPage('/posts/new-slug')).status).toBe(200)
  })

  it('never turns a doubled slash into a redirect to another site', async () => {
    const response = await fetchPage('//evil.example/')
    expect(response.status).toBe(301)
    expect(response.headers.get('Location')).toBe('/evil.example')
  })

  it('answers 301 from a changed slug to the new one', async () => {
    const response = await fetchPage('/posts/old-slug')
    expect(response.status).toBe(301)
    expect(response.headers.get('Location')).toBe('/posts/new-slug')
  })

  it('answers 301 for an imported link with a query string, and leaves reader pages alone', async () => {
    const response = await fetchPage('/?p=12')
    expect(response.status).toBe(301)
    expect(response.headers.get('Location')).toBe('/posts/new-slug')
    expect((await fetchPage('/?p=13')).status).toBe(200)
    expect((await fetchPage('/posts/never-existed')).status).toBe(404)
  })
})
