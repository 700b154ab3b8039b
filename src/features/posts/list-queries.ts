import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { FeedCursor } from '../../lib/cursor'
import type { Db } from '../../db/client'
import { isListed } from '../../db/listing'
import type { FeaturedImage } from '../media'
import {
  authors,
  categories,
  media,
  posts,
  postsCategories,
  type Language,
  type PostKind,
} from '../../db/schema'

/** Posts per list page until the owner sets another number (settings). */
export const PAGE_SIZE = 10
/** How many posts a restored list (`?through=`) may rebuild at once. */
export const RESTORE_LIMIT = 200

export type FeedFilter =
  | { kind: 'all' }
  | { kind: 'author'; authorId: number }
  | { kind: 'category'; categoryId: number }
  | { kind: 'postKind'; postKind: PostKind }

/** Where a page starts: after a cursor (Load More), or from the top down to a cursor (Back). */
export type FeedWindow = { after?: FeedCursor; through?: FeedCursor }

export type PostSummary = {
  id: number
  slug: string
  title: string
  excerpt: string
  language: Language
  publishedAt: Date
  author: { slug: string; name: string }
  categories: { slug: string; name: string }[]
  kind: PostKind
  sourceUrl: string
  sourceSiteName: string
  featuredImage: FeaturedImage | null
}

export type FeedPage = { posts: PostSummary[]; nextCursor: FeedCursor | null }

/**
 * The ids of one page of a feed, newest first. Each filter walks one partial index whose WHERE
 * term is repeated here literally, so the scan stops after `limit` rows at any depth.
 */
export function feedPageIdsQuery(
  db: Db,
  filter: FeedFilter,
  window: FeedWindow,
  now: number,
  limit: number,
) {
  if (filter.kind === 'category') {
    const at = postsCategories.listedAt
    const id = postsCategories.postId
    return db
      .select({ id })
      .from(postsCategories)
      .where(
        and(
          sql`${at} IS NOT NULL`,
          eq(postsCategories.categoryId, filter.categoryId),
          windowCondition(at, id, window, now),
        ),
      )
      .orderBy(desc(at), desc(id))
      .limit(limit)
  }
  const at = posts.publishedAt
  return db
    .select({ id: posts.feedOrderId })
    .from(posts)
    .where(
      and(
        isListed,
        filter.kind === 'author' ? eq(posts.authorId, filter.authorId) : undefined,
        filter.kind === 'postKind' ? eq(posts.kind, filter.postKind) : undefined,
        windowCondition(at, posts.feedOrderId, window, now),
      ),
    )
    .orderBy(desc(at), desc(posts.feedOrderId))
    .limit(limit)
}

/**
 * SQLite bounds an index range by one upper limit only, so the query states just one: the cursor
 * when it is in the past (everything before it is already due), otherwise `now`. A cursor from the
 * future therefore never reveals a scheduled post. "Before (t, id)" is written as "at or before
 * (t, id - 1)", which lets the seek land on the first row to return instead of on the cursor's own.
 */
function windowCondition(at: SQLiteColumn, id: SQLiteColumn, window: FeedWindow, now: number): SQL {
  const { after, through } = window
  if (after && after.publishedAt <= now)
    return sql`(${at}, ${id}) <= (${after.publishedAt}, ${after.id - 1})`
  const due = sql`${at} <= ${now}`
  if (through) return sql`${due} AND (${at}, ${id}) >= (${through.publishedAt}, ${through.id})`
  return due
}

type CategoryLink = { postId: number; slug: string; name: string }

/** Each post's categories, in their order, from rows sorted by post and sort order. */
export function groupByPost(links: CategoryLink[]) {
  const categoriesByPost = new Map<number, { slug: string; name: string }[]>()
  for (const link of links) {
    const list = categoriesByPost.get(link.postId) ?? []
    list.push({ slug: link.slug, name: link.name })
    categoriesByPost.set(link.postId, list)
  }
  return categoriesByPost
}

/** The categories of these posts, for `groupByPost`. */
export function categoryLinksQuery(
  db: Db,
  postIds: SQL | number[] | ReturnType<typeof feedPageIdsQuery>,
) {
  return db
    .select({ postId: postsCategories.postId, slug: categories.slug, name: categories.name })
    .from(postsCategories)
    .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
    .where(inArray(postsCategories.postId, postIds))
    .orderBy(asc(postsCategories.postId), asc(postsCategories.sortOrder))
}

/** What a list shows of each post, with its author (joined on `authors`). */
export const summaryColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  language: posts.language,
  publishedAt: posts.publishedAt,
  // Aliased: D1 returns rows keyed by column name, and posts has a slug too.
  authorSlug: sql<string>`${authors.slug}`.as('author_slug'),
  authorName: authors.name,
  kind: posts.kind,
  sourceUrl: posts.sourceUrl,
  sourceSiteName: posts.sourceSiteName,
}

/** One page of a feed, with authors and categories, in a single round trip to D1. */
export async function listFeedPage(
  db: Db,
  filter: FeedFilter,
  window: FeedWindow,
  now: number,
  perPage = PAGE_SIZE,
): Promise<FeedPage> {
  const pageSize = window.through ? RESTORE_LIMIT : perPage
  const ids = feedPageIdsQuery(db, filter, window, now, pageSize + 1)
  // A restored list ends at its cursor; one more row tells whether anything follows it.
  const following = feedPageIdsQuery(
    db,
    filter,
    window.through ? { after: window.through } : window,
    now,
    window.through ? 1 : 0,
  )
  const [rows, links, after] = await db.batch([
    db
      .select({
        ...summaryColumns,
        featuredKey: sql<string | null>`${media.key}`.as('featured_key'),
        featuredWidth: sql<number>`${media.width}`.as('featured_width'),
        featuredHeight: sql<number>`${media.height}`.as('featured_height'),
        featuredAlt: posts.featuredImageAlt,
      })
      .from(posts)
      .innerJoin(authors, eq(authors.id, posts.authorId))
      .leftJoin(media, eq(media.id, posts.featuredMediaId))
      .where(inArray(posts.id, ids))
      .orderBy(desc(posts.publishedAt), desc(posts.id)),
    categoryLinksQuery(db, ids),
    following,
  ])

  const categoriesByPost = groupByPost(links)

  const summaries: PostSummary[] = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    language: row.language,
    publishedAt: row.publishedAt ?? new Date(0),
    author: { slug: row.authorSlug, name: row.authorName },
    categories: categoriesByPost.get(row.id) ?? [],
    kind: row.kind,
    sourceUrl: row.sourceUrl,
    sourceSiteName: row.sourceSiteName,
    featuredImage: row.featuredKey
      ? {
          key: row.featuredKey,
          width: row.featuredWidth,
          height: row.featuredHeight,
          alt: row.featuredAlt,
        }
      : null,
  }))

  const hasMore = summaries.length > pageSize || after.length > 0
  const shown = summaries.slice(0, pageSize)
  const last = shown.at(-1)
  return {
    posts: shown,
    nextCursor: hasMore && last ? { publishedAt: last.publishedAt.getTime(), id: last.id } : null,
  }
}
