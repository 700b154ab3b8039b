import { desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from './client'
import { categoryLinksQuery, feedPageIdsQuery, groupByPost, type FeedFilter } from './feed'
import { authors, posts, type Language, type PostKind } from './schema'

export type FeedEntry = {
  id: number
  slug: string
  title: string
  excerpt: string
  html: string
  language: Language
  publishedAt: Date
  createdAt: Date
  updatedAt: Date
  author: { slug: string; name: string }
  categories: { slug: string; name: string }[]
  kind: PostKind
  sourceUrl: string
  sourceSiteName: string
}

/**
 * The `limit` newest listed posts of a feed, with their full HTML, in one round trip: the ids walk
 * the same partial index as the reader pages, so this reads about 3 rows per entry at most.
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
        id: posts.id,
        slug: posts.slug,
        title: posts.title,
        excerpt: posts.excerpt,
        html: posts.html,
        language: posts.language,
        publishedAt: posts.publishedAt,
        createdAt: posts.createdAt,
        updatedAt: posts.updatedAt,
        authorSlug: sql<string>`${authors.slug}`.as('author_slug'),
        authorName: authors.name,
        kind: posts.kind,
        sourceUrl: posts.sourceUrl,
        sourceSiteName: posts.sourceSiteName,
      })
      .from(posts)
      .innerJoin(authors, eq(authors.id, posts.authorId))
      .where(inArray(posts.id, ids))
      .orderBy(desc(posts.publishedAt), desc(posts.id)),
    categoryLinksQuery(db, ids),
  ] as const
}
