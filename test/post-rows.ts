import { asc, eq, like } from 'drizzle-orm'
import { searchPosts } from '../src/features/search/queries'
import {
  authors,
  categories,
  importedItems,
  media,
  postRevisions,
  posts,
  postsCategories,
  postsMedia,
} from '../src/db/schema'
import { db } from './fixtures'

/**
 * Everything written for the posts whose slug starts with `prefix` (then left out), each row
 * naming its post by slug: ids and times aside, equal results mean equal writes.
 */
export async function writtenPosts(prefix = '', searchAt = Date.now()) {
  const mine = like(posts.slug, `${prefix}%`)
  const rows = await db.select().from(posts).where(mine).orderBy(asc(posts.id))
  const links = await db
    .select({
      slug: posts.slug,
      category: categories.slug,
      sortOrder: postsCategories.sortOrder,
      listedAt: postsCategories.listedAt,
    })
    .from(postsCategories)
    .innerJoin(posts, eq(posts.id, postsCategories.postId))
    .innerJoin(categories, eq(categories.id, postsCategories.categoryId))
    .where(mine)
    .orderBy(asc(posts.id), asc(postsCategories.sortOrder))
  const revisions = await db
    .select({
      slug: posts.slug,
      title: postRevisions.title,
      excerpt: postRevisions.excerpt,
      markdown: postRevisions.markdown,
      savedBy: postRevisions.savedBy,
      autosave: postRevisions.autosave,
    })
    .from(postRevisions)
    .innerJoin(posts, eq(posts.id, postRevisions.postId))
    .where(mine)
    .orderBy(asc(postRevisions.id))
  const images = await db
    .select({ slug: posts.slug, key: media.key, role: postsMedia.role })
    .from(postsMedia)
    .innerJoin(posts, eq(posts.id, postsMedia.postId))
    .innerJoin(media, eq(media.id, postsMedia.mediaId))
    .where(mine)
    .orderBy(asc(posts.id), asc(postsMedia.role))
  const imported = await db
    .select({
      sourceKey: importedItems.sourceKey,
      slug: posts.slug,
      contentHash: importedItems.contentHash,
    })
    .from(importedItems)
    .innerJoin(posts, eq(posts.id, importedItems.targetId))
    .where(eq(importedItems.kind, 'post'))
    .orderBy(asc(importedItems.sourceKey))
  const found = await searchPosts(db, 'lanterne OR hôtel', searchAt)
  const search = found.posts
    .filter((p) => p.slug.startsWith(prefix))
    .map((p) => p.slug)
    .sort()
  const authorSlugs = new Map(
    (await db.select({ id: authors.id, slug: authors.slug }).from(authors)).map((a) => [
      a.id,
      a.slug,
    ]),
  )
  const postRows = rows.map(({ id, feedOrderId, createdAt, updatedAt, authorId, ...row }) => ({
    ...row,
    author: authorSlugs.get(authorId),
  }))
  const all = { posts: postRows, links, revisions, images, imported, search }
  return prefix ? (JSON.parse(JSON.stringify(all).replaceAll(prefix, '')) as typeof all) : all
}
