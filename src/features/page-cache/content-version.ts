import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isListed } from '../../db/listing'
import { contentVersions, posts, redirectQueryNames } from '../../db/schema'

/**
 * What reader pages depend on besides their URL: the content version, and when the next
 * scheduled post goes live (a page cached before then must not be served after it). Also which
 * query parameters can make an old address (`redirectNames`, from `redirect_query_names`, a
 * handful of rows or none), so the page cache knows which ones to ignore.
 */
export type ContentState = {
  version: number
  nextPublicationAt: number | null
  redirectNames: string[]
}

/** One statement: two index seeks whatever the number of posts, and the few names. */
export function contentStateQuery(now: number) {
  return sql`SELECT
    (SELECT ${contentVersions.version} FROM ${contentVersions} WHERE ${contentVersions.id} = 1) AS version,
    (SELECT MIN(${posts.publishedAt}) FROM ${posts}
      WHERE ${isListed} AND ${posts.publishedAt} > ${now}) AS next_publication_at,
    (SELECT json_group_array(${redirectQueryNames.name}) FROM ${redirectQueryNames}) AS redirect_names`
}

export async function readContentState(db: Db, now: number): Promise<ContentState> {
  const [row] = await db.all<{
    version: number | null
    next_publication_at: number | null
    redirect_names: string | null
  }>(contentStateQuery(now))
  return {
    version: row?.version ?? 0,
    nextPublicationAt: row?.next_publication_at ?? null,
    redirectNames: JSON.parse(row?.redirect_names ?? '[]') as string[],
  }
}
