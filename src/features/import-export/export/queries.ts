import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { chunk } from '../../../db/d1-limits'
import { IN_CHUNK } from '../import/imported-rows'
import {
  authors,
  categories,
  media,
  postRevisions,
  posts,
  postsCategories,
  redirects,
} from '../../../db/schema'

/** A page of posts for the export, in id order, with what their front matter needs. */
export async function postsForExport(db: Db, afterId: number, limit: number) {
  const rows = await db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      excerpt: posts.excerpt,
      markdown: posts.markdown,
      status: posts.status,
      language: posts.language,
      kind: posts.kind,
      sourceUrl: posts.sourceUrl,
      sourceSiteName: posts.sourceSiteName,
      sourcePublishedAt: posts.sourcePublishedAt,
      publishedAt: posts.publishedAt,
      createdAt: posts.createdAt,
      updatedAt: posts.updatedAt,
      author: authors.slug,
      featuredImage: media.key,
      featuredImageAlt: posts.featuredImageAlt,
    })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .where(and(gt(posts.id, afterId), isNull(posts.deletedAt)))
    .orderBy(asc(posts.id))
    .limit(limit)
  const ids = rows.map((r) => r.id)
  const postCategories = new Map<number, string[]>()
  const revisions = new Map<number, number>()
  for (const part of chunk(ids, IN_CHUNK)) {
    const links = await db
      .select({ postId: postsCategories.postId, slug: categories.slug })
      .from(postsCategories)
      .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
      .where(inArray(postsCategories.postId, part))
      .orderBy(asc(postsCategories.postId), asc(postsCategories.sortOrder))
    for (const link of links)
      postCategories.set(link.postId, [...(postCategories.get(link.postId) ?? []), link.slug])
    const counts = await db
      .select({ postId: postRevisions.postId, n: count() })
      .from(postRevisions)
      .where(inArray(postRevisions.postId, part))
      .groupBy(postRevisions.postId)
    for (const row of counts) revisions.set(row.postId, row.n)
  }
  return rows.map((row) => ({
    ...row,
    categories: postCategories.get(row.id) ?? [],
    revisions: revisions.get(row.id) ?? 0,
  }))
}

export type ExportedPost = Awaited<ReturnType<typeof postsForExport>>[number]

export const allAuthors = (db: Db) =>
  db
    .select({ slug: authors.slug, name: authors.name, bio: authors.bio })
    .from(authors)
    .orderBy(asc(authors.id))

export const allCategories = (db: Db) =>
  db
    .select({ slug: categories.slug, name: categories.name, description: categories.description })
    .from(categories)
    .orderBy(asc(categories.id))

export const allMedia = (db: Db) =>
  db
    .select({ key: media.key, alt: media.alt, contentType: media.contentType })
    .from(media)
    .orderBy(asc(media.id))

export const allRedirects = (db: Db) =>
  db
    .select({ from: redirects.fromPath, to: redirects.toPath })
    .from(redirects)
    .orderBy(asc(redirects.fromPath))
