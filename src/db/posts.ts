import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from './client'
import { isListed } from './listing'
import { authors, categories, posts, postsCategories, type Language } from './schema'

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
}

const listed = (now: number) => and(isListed, sql`${posts.publishedAt} <= ${now}`)

/**
 * A post readers may see now, with its neighbours in the feed; null for drafts and future posts,
 * unless `preview` (editors only) asks for any post that is not in the trash.
 */
export async function findPublishedPost(
  db: Db,
  slug: string,
  now: number,
  { preview = false } = {},
): Promise<PublishedPost | null> {
  const [row] = await db
    .select({ post: posts, author: { slug: authors.slug, name: authors.name } })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(eq(posts.slug, slug), preview ? isNull(posts.deletedAt) : listed(now)))
    .limit(1)
  if (!row || (!row.post.publishedAt && !preview)) return null

  const { post } = row
  const publishedAt = post.publishedAt ?? new Date(now)
  const at = publishedAt.getTime()
  const link = { slug: posts.slug, title: posts.title }
  const [postCategories, older, newer] = await db.batch([
    db
      .select({ slug: categories.slug, name: categories.name })
      .from(postsCategories)
      .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
      .where(eq(postsCategories.postId, post.id))
      .orderBy(asc(postsCategories.sortOrder)),
    db
      .select(link)
      .from(posts)
      .where(and(listed(now), sql`(${posts.publishedAt}, ${posts.id}) < (${at}, ${post.id})`))
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .limit(1),
    db
      .select(link)
      .from(posts)
      .where(and(listed(now), sql`(${posts.publishedAt}, ${posts.id}) > (${at}, ${post.id})`))
      .orderBy(asc(posts.publishedAt), asc(posts.id))
      .limit(1),
  ])

  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    excerpt: post.excerpt,
    html: post.html,
    language: post.language,
    publishedAt,
    updatedAt: post.updatedAt,
    author: row.author,
    categories: postCategories,
    older: older[0] ?? null,
    newer: newer[0] ?? null,
  }
}
