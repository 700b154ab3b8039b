import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createCategory } from '../../../src/features/categories/queries'
import { createPost } from '../../../src/features/posts/writes'
import {
  createAuthorAndCategories,
  createPublishedPosts,
  db,
  postInput,
  createHiddenPosts,
} from '../../fixtures'

beforeAll(async () => {
  const { author, essays, notes } = await createAuthorAndCategories()
  await createCategory(db, { slug: 'empty', name: 'Empty' })
  await createPublishedPosts(3, author.id, [essays.id])
  await createPost(
    db,
    postInput({ slug: 'one-note', authorId: author.id, categoryIds: [notes.id] }),
  )
  await createHiddenPosts(author.id, [notes.id])
})

describe('/categories', () => {
  it('lists categories that have posts, with how many listed posts each has', async () => {
    const response = await exports.default.fetch('https://blog.example/categories')
    expect(response.status).toBe(200)
    const html = await response.text()
    const items = [
      ...html.matchAll(
        /<li><a href="\/categories\/([^"]+)">[^<]+<\/a> <span class="category-count">\(([^)]+)\)/g,
      ),
    ]
    expect(items.map((m) => `${m[1]}: ${m[2]}`)).toEqual(['essais: 3 posts', 'notes: 1 post'])
  })
})
