import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isListed } from '../../db/listing'
import { contentVersions, posts } from '../../db/schema'

/**
 * What reader pages depend on besides their URL: the content version, and when the next
 * scheduled post goes live (a page cached before then must not be served after it).
 */
export type ContentState = { version: number; nextPublicationAt: number | null }

/** One statement reading two index seeks, whatever the number of posts. */
export function contentStateQuery(now: number) {
  return sql`SELECT
    (SELECT ${contentVersions.version} FROM ${contentVersions} WHERE ${contentVersions.id} = 1) AS version,
    (SELECT MIN(${posts.publishedAt}) FROM ${posts}
      WHERE ${isListed} AND ${posts.publishedAt} > ${now}) AS next_publication_at`
}

export async function readContentState(db: Db, now: number): Promise<ContentState> {
  const [row] = await db.all<{ version: number | null; next_publication_at: number | null }>(
    contentStateQuery(now),
  )
  return { version: row?.version ?? 0, nextPublicationAt: row?.next_publication_at ?? null }
}
