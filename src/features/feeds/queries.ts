import { desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  categoryLinksQuery,
  feedPageIdsQuery,
  groupByPost,
  summaryColumns,
  type FeedFilter,
} from '../posts'
import type { PublishedPost } from '../posts'
import { authors, posts } from '../../db/schema'

/** A post as feeds carry it: a post page's data without its neighbours, and its creation date. */
export type FeedEntry = Omit<PublishedPost, 'newer' | 'older'> & { createdAt: Date }

/**
 * The `limit` newest listed posts of a feed, with their full HTML, in one round trip: the ids walk
 * the same partial index as the reader pages, so what it reads depends on `limit`, not on how many posts there are.
 */
export async function listFeedEntries(
  db: Db,
  filter: FeedFilter,
  now: number,
  limit: number,
): Promise<FeedEntry[]> {
  const [rows, links] = await db.batch(feedEntriesQueries(db, filter, now, limit))
  const categoriesByPost = groupByPost(links)
  return rows.map(({ authorSlug, authorName, ...row }) => ({
    ...row,
    publishedAt: row.publishedAt ?? new Date(0),
    author: { slug: authorSlug, name: authorName },
    categories: categoriesByPost.get(row.id) ?? [],
  }))
}

/** The two statements of `listFeedEntries`, also for tests that measure what they read. */
export function feedEntriesQueries(db: Db, filter: FeedFilter, now: number, limit: number) {
  const ids = feedPageIdsQuery(db, filter, {}, now, limit)
  return [
    db
      .select({
        ...summaryColumns,
        html: posts.html,
        createdAt: posts.createdAt,
        updatedAt: posts.updatedAt,
      })
      .from(posts)
      .innerJoin(authors, eq(authors.id, posts.authorId))
      .where(inArray(posts.id, ids))
      .orderBy(desc(posts.publishedAt), desc(posts.id)),
    categoryLinksQuery(db, ids),
  ] as const
}
