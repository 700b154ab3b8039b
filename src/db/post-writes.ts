import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from './client'
import { posts, postsCategories, type Language, type PostStatus } from './schema'

export type PostInput = {
  slug: string
  title: string
  excerpt: string
  markdown: string
  /** Already rendered and sanitized (lib/markdown). */
  html: string
  status: PostStatus
  language: Language
  publishedAt: Date | null
  authorId: number
  categoryIds: number[]
}

/** A post and its categories in one D1 batch: both are written, or neither. */
export async function createPost(db: Db, input: PostInput): Promise<void> {
  const { categoryIds, ...post } = input
  // The category feed index reads this copy of the date instead of joining posts.
  const listedAt = post.status === 'draft' ? null : post.publishedAt
  const postId = sql`(SELECT id FROM posts WHERE slug = ${post.slug})`
  const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
    db.insert(posts).values(post),
  ]
  if (categoryIds.length > 0) {
    statements.push(
      db
        .insert(postsCategories)
        .values(
          categoryIds.map((categoryId, sortOrder) => ({ postId, categoryId, sortOrder, listedAt })),
        ),
    )
  }
  await db.batch(statements)
}
