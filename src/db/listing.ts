import { sql } from 'drizzle-orm'
import { posts } from './schema'

/**
 * A post (or note) readers may find in lists and feeds once its date has passed: not a draft, not
 * in the trash, not a page. Written out exactly as the WHERE of the partial indexes in schema.ts,
 * which SQLite needs to pick them.
 */
export const isListed = sql`${posts.status} <> 'draft' AND ${posts.deletedAt} IS NULL AND ${posts.kind} <> 'page'`

/** Any page, whatever its state: written literally, the WHERE of the pages' partial index. */
export const isPage = sql`${posts.kind} = 'page'`

/**
 * A page readers may open: published and not in the trash. Its first two terms are the kind
 * index's WHERE, so a lookup by kind seeks that index.
 */
export const isPublishedPage = sql`${posts.status} <> 'draft' AND ${posts.deletedAt} IS NULL AND ${posts.kind} = 'page'`

/** The `posts_categories.listed_at` copy for a post in this state. */
export function listedAtFor(post: {
  status: string
  publishedAt: Date | null
  deletedAt?: Date | null
}) {
  return post.status === 'draft' || post.deletedAt ? null : post.publishedAt
}
