import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { MEDIA_KEY } from './url'
import type { Db } from '../../db/client'
import { media, posts, postsMedia, type Media, type MediaRole } from '../../db/schema'

export type NewMedia = Omit<Media, 'id' | 'createdAt'>

/** Stores a new image's record, or returns the one already stored with the same hash. */
export async function insertMedia(
  db: Db,
  row: NewMedia,
): Promise<{ media: Media; deduplicated: boolean }> {
  const [inserted] = await db.insert(media).values(row).onConflictDoNothing().returning()
  if (inserted) return { media: inserted, deduplicated: false }
  const [existing] = await db.select().from(media).where(eq(media.hash, row.hash))
  return { media: existing, deduplicated: true }
}

export async function findMediaByKey(db: Db, key: string): Promise<Media | null> {
  const [row] = await db.select().from(media).where(eq(media.key, key))
  return row ?? null
}

export async function findMediaById(db: Db, id: number): Promise<Media | null> {
  const [row] = await db.select().from(media).where(eq(media.id, id))
  return row ?? null
}

// D1 binds at most 100 parameters per statement.
const CHUNK = 90

export async function findMediaByKeys(db: Db, keys: string[]): Promise<Media[]> {
  const unique = [...new Set(keys)]
  const rows: Media[] = []
  for (let i = 0; i < unique.length; i += CHUNK) {
    rows.push(
      ...(await db
        .select()
        .from(media)
        .where(inArray(media.key, unique.slice(i, i + CHUNK)))),
    )
  }
  return rows
}

export type MediaUse = {
  postId: number
  title: string
  slug: string
  role: MediaRole
  inTrash: boolean
}

/** The posts that show an image, as body image or featured image, trashed ones included. */
export async function whereMediaIsUsed(db: Db, mediaId: number): Promise<MediaUse[]> {
  const rows = await db
    .select(useColumns)
    .from(postsMedia)
    .innerJoin(posts, eq(posts.id, postsMedia.postId))
    .where(eq(postsMedia.mediaId, mediaId))
    .orderBy(desc(posts.id))
  return rows.map(toUse)
}

export type MediaListItem = { media: Media; uses: MediaUse[] }

export const MEDIA_PAGE_SIZE = 60

const useColumns = {
  mediaId: postsMedia.mediaId,
  postId: posts.id,
  title: posts.title,
  slug: posts.slug,
  role: postsMedia.role,
  deletedAt: posts.deletedAt,
}

function toUse({
  mediaId,
  deletedAt,
  ...use
}: { mediaId: number; deletedAt: Date | null } & Omit<MediaUse, 'inTrash'>): MediaUse {
  return { ...use, inTrash: deletedAt !== null }
}

/** The media library, newest first, each image with the posts that use it (two queries). */
export async function listMedia(db: Db, beforeId: number | null = null): Promise<MediaListItem[]> {
  const rows = await db
    .select()
    .from(media)
    .where(beforeId ? lt(media.id, beforeId) : undefined)
    .orderBy(desc(media.id))
    .limit(MEDIA_PAGE_SIZE)
  if (rows.length === 0) return []
  const uses = await db
    .select(useColumns)
    .from(postsMedia)
    .innerJoin(posts, eq(posts.id, postsMedia.postId))
    .where(
      inArray(
        postsMedia.mediaId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(desc(posts.id))
  return rows.map((row) => ({
    media: row,
    uses: uses.filter((use) => use.mediaId === row.id).map(toUse),
  }))
}

/**
 * Deletes an image's record unless a post uses it, in one statement, so a post saved at the same
 * moment cannot start using an image that is being deleted. Returns the deleted row, or null.
 */
export async function deleteMediaIfUnused(db: Db, mediaId: number): Promise<Media | null> {
  const [deleted] = await db
    .delete(media)
    .where(
      and(
        eq(media.id, mediaId),
        sql`NOT EXISTS (SELECT 1 FROM ${postsMedia} WHERE ${postsMedia.mediaId} = ${mediaId})`,
        sql`NOT EXISTS (SELECT 1 FROM ${posts} WHERE ${posts.featuredMediaId} = ${mediaId})`,
      ),
    )
    .returning()
  return deleted ?? null
}

/** `/media/<key>` paths in a post's rendered HTML: the images the post shows in its body. */
export function mediaKeysIn(html: string): string[] {
  const keys = new Set<string>()
  for (const match of html.matchAll(MEDIA_PATH)) keys.add(match[1])
  return [...keys]
}

const MEDIA_PATH = new RegExp(`/media/(${MEDIA_KEY})\\b`, 'g')

/**
 * Statements that rewrite a post's links to its images, for the same D1 batch as the save (and
 * before the post's own update, so `onlyIf` can still see the version the form was loaded from):
 * body images from its HTML, the featured image from the input or, left out, the stored one.
 */
export function postMediaLinks(
  db: Db,
  { postId, onlyIf = sql`1` }: { postId: number | SQL; onlyIf?: SQL },
  input: { html: string; featuredMediaId?: number | null },
): BatchItem<'sqlite'>[] {
  const keys = mediaKeysIn(input.html)
  const statements: BatchItem<'sqlite'>[] = [
    db.delete(postsMedia).where(and(eq(postsMedia.postId, sql`${postId}`), onlyIf)),
  ]
  for (let i = 0; i < keys.length; i += CHUNK) {
    statements.push(
      db
        .insert(postsMedia)
        .select(
          db
            .select({
              postId: sql`${postId}`.as('post_id'),
              mediaId: media.id,
              role: sql`'body'`.as('role'),
            })
            .from(media)
            .where(and(inArray(media.key, keys.slice(i, i + CHUNK)), onlyIf)),
        )
        .onConflictDoNothing(),
    )
  }
  if (input.featuredMediaId === null) return statements
  const featured =
    input.featuredMediaId === undefined
      ? db
          .select({
            postId: posts.id,
            mediaId: sql`${posts.featuredMediaId}`.as('media_id'),
            role: sql`'featured'`.as('role'),
          })
          .from(posts)
          .where(
            and(eq(posts.id, sql`${postId}`), sql`${posts.featuredMediaId} IS NOT NULL`, onlyIf),
          )
      : db
          .select({
            postId: sql`${postId}`.as('post_id'),
            mediaId: media.id,
            role: sql`'featured'`.as('role'),
          })
          .from(media)
          .where(and(eq(media.id, input.featuredMediaId), onlyIf))
  statements.push(db.insert(postsMedia).select(featured).onConflictDoNothing())
  return statements
}

export type FeaturedImage = Pick<Media, 'key' | 'width' | 'height'> & { alt: string }

export type PostImages = {
  /** Body images by R2 key, for lib/responsive-images. */
  byKey: Map<string, Pick<Media, 'key' | 'width' | 'height'>>
  featured: FeaturedImage | null
}

/**
 * Everything a post page needs to draw a post's images, as one statement for the page's D1 batch
 * (`postId` may be a subquery: the batch does not know the id yet). `toPostImages` reads its rows.
 */
export function postImagesQuery(db: Db, postId: SQL) {
  return db
    .select({
      key: media.key,
      width: media.width,
      height: media.height,
      role: postsMedia.role,
      featuredAlt: posts.featuredImageAlt,
    })
    .from(postsMedia)
    .innerJoin(media, eq(media.id, postsMedia.mediaId))
    .innerJoin(posts, eq(posts.id, postsMedia.postId))
    .where(eq(postsMedia.postId, postId))
}

export function toPostImages(rows: Awaited<ReturnType<typeof postImagesQuery>>): PostImages {
  const byKey = new Map<string, Pick<Media, 'key' | 'width' | 'height'>>()
  let featured: FeaturedImage | null = null
  for (const { role, featuredAlt, ...image } of rows) {
    if (role === 'featured') featured = { ...image, alt: featuredAlt }
    else byKey.set(image.key, image)
  }
  return { byKey, featured }
}

/** Body images by key for HTML not saved yet (the editor's preview). */
export async function imagesByKey(db: Db, html: string): Promise<PostImages['byKey']> {
  const rows = await findMediaByKeys(db, mediaKeysIn(html))
  return new Map(rows.map((row) => [row.key, row]))
}
