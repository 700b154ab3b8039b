import { count } from 'drizzle-orm'
import { createAuthor } from '../features/authors-editors'
import { createCategory } from '../features/categories'
import type { Db } from '../db/client'
import { createPost } from '../features/posts'
import { posts } from '../db/schema'
import { excerptFromMarkdown, renderMarkdown } from '../lib/markdown'
import { demoAuthors, demoCategories, demoPosts } from './demo-content'

const DAY = 86_400_000
const HOUR = 3_600_000

/**
 * Fills an empty blog with the demo content and returns how many posts it added. A blog that
 * already has posts is left exactly as it is, so running it again never duplicates or overwrites.
 */
export async function seedDemoContent(db: Db, now = Date.now()): Promise<number> {
  const [{ existing }] = await db.select({ existing: count() }).from(posts)
  if (existing > 0) return 0

  const authorIds = new Map<string, number>()
  for (const author of demoAuthors) authorIds.set(author.slug, (await createAuthor(db, author)).id)
  const categoryIds = new Map<string, number>()
  for (const category of demoCategories) {
    categoryIds.set(category.slug, (await createCategory(db, category)).id)
  }

  const startOfHour = Math.floor(now / HOUR) * HOUR
  for (const post of demoPosts) {
    await createPost(db, {
      slug: post.slug,
      title: post.title,
      language: post.language,
      markdown: post.markdown,
      html: renderMarkdown(post.markdown, post.language),
      excerpt: post.excerpt ?? excerptFromMarkdown(post.markdown),
      status: post.status ?? 'published',
      publishedAt: post.status === 'draft' ? null : new Date(startOfHour - post.daysAgo * DAY),
      authorId: authorIds.get(post.author)!,
      categoryIds: post.categories.map((slug) => categoryIds.get(slug)!),
    })
  }
  return demoPosts.length
}
