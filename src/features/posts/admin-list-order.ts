import { desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { posts, postsCategories } from '../../db/schema'

/**
 * The order of the admin's post list (and of agents' `list_posts`): newest publication first; a
 * draft (no date yet) by its last change. Pages go on from a position, never an offset.
 */
export type AdminListPosition = { at: number; id: number }
const listedAt = sql`coalesce(${posts.publishedAt}, ${posts.updatedAt})`

export const ADMIN_LIST_ORDER = [desc(listedAt), desc(posts.id)] as const

export function encodeAdminPosition(position: AdminListPosition): string {
  return `${position.at}.${position.id}`
}

export function decodeAdminPosition(value: string | undefined): AdminListPosition | null {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(value ?? '')
  return match ? { at: Number(match[1]), id: Number(match[2]) } : null
}

/** Posts after `after` in the list's order; no condition on the first page. */
export const listedAfter = (after: AdminListPosition | null) =>
  after ? sql`(${listedAt}, ${posts.id}) < (${after.at}, ${after.id})` : undefined

/** Posts in the category, when one is chosen. */
export const inCategory = (db: Db, categoryId: number | null) =>
  categoryId
    ? inArray(
        posts.id,
        db
          .select({ id: postsCategories.postId })
          .from(postsCategories)
          .where(eq(postsCategories.categoryId, categoryId)),
      )
    : undefined

/** A page from `limit + 1` rows: the rows shown, and where the next page starts, if there is one. */
export function pageOf<T extends { id: number; publishedAt: Date | null; updatedAt: Date }>(
  rows: T[],
  limit: number,
): { posts: T[]; next: AdminListPosition | null } {
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  const next =
    rows.length > limit && last
      ? { at: (last.publishedAt ?? last.updatedAt).getTime(), id: last.id }
      : null
  return { posts: shown, next }
}
