import { commentsFromRows, commentsOnPostQueries, type CommentsOnPost } from '../comments'
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isListed } from '../../db/listing'
import { postImagesQuery, toPostImages, type PostImages } from '../media'
import {
  authors,
  categories,
  posts,
  postsCategories,
  type Language,
  type PostKind,
} from '../../db/schema'

export type PostLink = { slug: string; title: string }

export type PublishedPost = {
  id: number
  slug: string
  title: string
  excerpt: string
  html: string
  language: Language
  publishedAt: Date
  updatedAt: Date
  author: { slug: string; name: string }
  categories: { slug: string; name: string }[]
  newer: PostLink | null
  older: PostLink | null
  kind: PostKind
  sourceUrl: string
  sourceSiteName: string
}

const listed = (now: number) => and(isListed, sql`${posts.publishedAt} <= ${now}`)

/**
 * The post's place in the feed, as a row value. Its neighbours are sought from it alone, with no
 * `published_at <= now` bound on the older side: SQLite would take that bound instead and read
 * every newer post on the way down.
 */
const feedPlaceOf = (slug: string, visible: ReturnType<typeof listed>) =>
  sql`(SELECT ${posts.publishedAt}, ${posts.id} FROM ${posts} WHERE ${posts.slug} = ${slug} AND ${visible})`

const feedPlace = sql`(${posts.publishedAt}, ${posts.feedOrderId})`

/** The id of the post with this slug, for the statements batched with the post's own. */
const idOfSlug = (slug: string) =>
  sql`(SELECT ${posts.id} FROM ${posts} WHERE ${posts.slug} = ${slug})`

/**
 * A post readers may see now, with its categories, its neighbours in the feed and its images, in
 * one round trip whose reads do not depend on the number of posts; null for drafts and future
 * posts, unless `preview` (editors only) asks for any post that is not in the trash.
 */
export async function findPublishedPost(
  db: Db,
  slug: string,
  now: number,
  { preview = false } = {},
): Promise<(PublishedPost & { images: PostImages; comments: CommentsOnPost }) | null> {
  const link = { slug: posts.slug, title: posts.title }
  const visible = preview ? isNull(posts.deletedAt) : listed(now)
  const place = feedPlaceOf(slug, visible)
  const [[row], postCategories, older, newer, images, commentRows, commentSettings] =
    await db.batch([
      db
        .select({
          id: posts.id,
          slug: posts.slug,
          title: posts.title,
          excerpt: posts.excerpt,
          html: posts.html,
          language: posts.language,
          publishedAt: posts.publishedAt,
          updatedAt: posts.updatedAt,
          kind: posts.kind,
          sourceUrl: posts.sourceUrl,
          sourceSiteName: posts.sourceSiteName,
          commentsOpen: posts.commentsOpen,
          // Aliased: a batch returns rows keyed by column name, and posts has a slug too.
          authorSlug: sql<string>`${authors.slug}`.as('author_slug'),
          authorName: sql<string>`${authors.name}`.as('author_name'),
        })
        .from(posts)
        .innerJoin(authors, eq(authors.id, posts.authorId))
        .where(and(eq(posts.slug, slug), visible))
        .limit(1),
      db
        .select({ slug: categories.slug, name: categories.name })
        .from(postsCategories)
        .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
        .where(eq(postsCategories.postId, idOfSlug(slug)))
        .orderBy(asc(postsCategories.sortOrder)),
      db
        .select(link)
        .from(posts)
        .where(and(isListed, sql`${feedPlace} < ${place}`))
        .orderBy(desc(posts.publishedAt), desc(posts.feedOrderId))
        .limit(1),
      db
        .select(link)
        .from(posts)
        .where(and(listed(now), sql`${feedPlace} > ${place}`))
        .orderBy(asc(posts.publishedAt), asc(posts.feedOrderId))
        .limit(1),
      postImagesQuery(db, idOfSlug(slug)),
      // Readers' comments and whether the form shows (features/comments), in the same round trip.
      ...commentsOnPostQueries(db, idOfSlug(slug)),
    ])
  if (!row || (!row.publishedAt && !preview)) return null

  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    html: row.html,
    language: row.language,
    publishedAt: row.publishedAt ?? new Date(now),
    updatedAt: row.updatedAt,
    author: { slug: row.authorSlug, name: row.authorName },
    categories: postCategories,
    older: older[0] ?? null,
    newer: newer[0] ?? null,
    kind: row.kind,
    sourceUrl: row.sourceUrl,
    sourceSiteName: row.sourceSiteName,
    images: toPostImages(images),
    comments: commentsFromRows(commentRows, commentSettings, row.commentsOpen),
  }
}
