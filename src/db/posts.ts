import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from './client'
import { isListed } from './listing'
import { authors, categories, posts, postsCategories, type Language, type PostKind } from './schema'

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

/** A post readers may see now, with its neighbours in the feed; null for drafts and future posts. */
export async function findPublishedPost(
  db: Db,
  slug: string,
  now: number,
): Promise<PublishedPost | null> {
  const [row] = await db
    .select({ post: posts, author: { slug: authors.slug, name: authors.name } })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(eq(posts.slug, slug), listed(now)))
    .limit(1)
  if (!row || !row.post.publishedAt) return null

  const { post } = row
  const at = post.publishedAt!.getTime()
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
    publishedAt: post.publishedAt!,
    updatedAt: post.updatedAt,
    author: row.author,
    categories: postCategories,
    older: older[0] ?? null,
    newer: newer[0] ?? null,
    kind: post.kind,
    sourceUrl: post.sourceUrl,
    sourceSiteName: post.sourceSiteName,
  }
}
