import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { posts, previewLinks } from '../../db/schema'
import { bytesToBase64Url } from '../../lib/encoding'
import { readPreviewToken, signPreviewToken } from './token'

export const PREVIEW_LINK_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

export type PreviewLink = { path: string; expiresAt: Date }

/** A post readers cannot see yet: a draft, or one whose date is still to come (db/listing). */
export function isNotLiveYet(post: { status: string; publishedAt: Date | null }, now: number) {
  return post.status === 'draft' || !post.publishedAt || post.publishedAt.getTime() > now
}

const pathOf = async (pepper: string, row: typeof previewLinks.$inferSelect) =>
  `/preview/${await signPreviewToken(pepper, {
    postId: row.postId,
    nonce: row.nonce,
    expiresAt: row.expiresAt.getTime(),
  })}`

/**
 * A new address for the post, valid PREVIEW_LINK_DAYS days; it replaces (and so revokes) the
 * post's previous one.
 */
export async function sharePreview(
  db: Db,
  pepper: string,
  postId: number,
  userId: number | null,
  now: number,
): Promise<PreviewLink> {
  const row = {
    postId,
    nonce: bytesToBase64Url(crypto.getRandomValues(new Uint8Array(18))),
    expiresAt: new Date(now + PREVIEW_LINK_DAYS * DAY_MS),
    createdBy: userId,
    createdAt: new Date(now),
  }
  await db
    .insert(previewLinks)
    .values(row)
    .onConflictDoUpdate({
      target: previewLinks.postId,
      set: {
        nonce: row.nonce,
        expiresAt: row.expiresAt,
        createdBy: userId,
        createdAt: row.createdAt,
      },
    })
  return { path: await pathOf(pepper, row), expiresAt: row.expiresAt }
}

/** The post's current address, if it has one that has not expired. */
export async function findPreviewLink(
  db: Db,
  pepper: string,
  postId: number,
  now: number,
): Promise<PreviewLink | null> {
  const [row] = await db.select().from(previewLinks).where(eq(previewLinks.postId, postId))
  if (!row || row.expiresAt.getTime() <= now) return null
  return { path: await pathOf(pepper, row), expiresAt: row.expiresAt }
}

export async function revokePreviewLink(db: Db, postId: number) {
  await db.delete(previewLinks).where(eq(previewLinks.postId, postId))
}

export type PreviewTarget =
  { kind: 'post'; slug: string; live: boolean } | { kind: 'expired' } | { kind: 'unknown' }

/**
 * What a `/preview/<token>` address shows: `unknown` for a token this site did not sign, one
 * revoked or replaced, or a post in the trash; `expired` past its date.
 */
export async function resolvePreviewToken(
  db: Db,
  pepper: string,
  token: string,
  now: number,
): Promise<PreviewTarget> {
  const claims = await readPreviewToken(pepper, token)
  if (!claims) return { kind: 'unknown' }
  if (claims.expiresAt <= now) return { kind: 'expired' }
  const [row] = await db
    .select({
      slug: posts.slug,
      status: posts.status,
      publishedAt: posts.publishedAt,
      deletedAt: posts.deletedAt,
      expiresAt: previewLinks.expiresAt,
    })
    .from(previewLinks)
    .innerJoin(posts, eq(posts.id, previewLinks.postId))
    .where(and(eq(previewLinks.postId, claims.postId), eq(previewLinks.nonce, claims.nonce)))
  if (!row || row.deletedAt || row.expiresAt.getTime() !== claims.expiresAt)
    return { kind: 'unknown' }
  return { kind: 'post', slug: row.slug, live: !isNotLiveYet(row, now) }
}
