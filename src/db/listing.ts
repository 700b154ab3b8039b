import { sql } from 'drizzle-orm'
import { posts } from './schema'

/**
 * A post readers may find once its date has passed: not a draft, not in the trash. Written out
 * exactly as the WHERE of the partial indexes in schema.ts, which SQLite needs to pick them.
 */
export const isListed = sql`${posts.status} <> 'draft' AND ${posts.deletedAt} IS NULL`

/** The `posts_categories.listed_at` copy for a post in this state. */
export function listedAtFor(post: {
  status: string
  publishedAt: Date | null
  deletedAt?: Date | null
}) {
  return post.status === 'draft' || post.deletedAt ? null : post.publishedAt
}
