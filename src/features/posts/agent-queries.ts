import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { queryInChunks } from '../../db/d1-limits'
import { posts, type PostKind, type PostStatus } from '../../db/schema'
import {
  ADMIN_LIST_ORDER,
  inCategory,
  listedAfter,
  pageOf,
  type AdminListPosition,
} from './admin-list-order'

/** What the MCP server's list_posts filters by; every filter is optional. */
export type AgentPostFilter = {
  status: PostStatus | null
  kind: PostKind | null
  categoryId: number | null
  authorId: number | null
  after: AdminListPosition | null
  limit: number
}

const summary = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  kind: posts.kind,
  status: posts.status,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  version: posts.version,
  authorId: posts.authorId,
}

/** Posts and notes not in the trash, in the admin list's order, a bounded page at a time. */
export async function listPostsForAgents(db: Db, filter: AgentPostFilter) {
  const rows = await db
    .select(summary)
    .from(posts)
    .where(
      and(
        isNull(posts.deletedAt),
        filter.status ? eq(posts.status, filter.status) : undefined,
        filter.kind ? eq(posts.kind, filter.kind) : undefined,
        filter.authorId ? eq(posts.authorId, filter.authorId) : undefined,
        inCategory(db, filter.categoryId),
        listedAfter(filter.after),
      ),
    )
    .orderBy(...ADMIN_LIST_ORDER)
    .limit(filter.limit + 1)
  return pageOf(rows, filter.limit)
}

export async function findPostIdBySlug(db: Db, slug: string) {
  const [row] = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).limit(1)
  return row?.id ?? null
}

/** The posts behind a list of slugs (search results): ids, versions and kinds. */
export async function postsBySlugs(db: Db, slugs: string[]) {
  const rows = await queryInChunks(slugs, (slice) =>
    db.select(summary).from(posts).where(inArray(posts.slug, slice)),
  )
  return new Map(rows.map((row) => [row.slug, row]))
}
