import { eq, sql } from 'drizzle-orm'
import { isPage } from '../../db/listing'
import { getPath } from 'hono/utils/url'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { authors, categories, contentVersions, posts, redirects } from '../../db/schema'
import { AUTHORS_PREFIX, CATEGORIES_PREFIX, PAGES_PREFIX, POSTS_PREFIX } from './reader-routes'

/**
 * The most rows read to list the known addresses of a version. A blog with more posts, categories,
 * authors and old addresses than this keeps no list (it would cost that many rows read at every
 * write, in every data centre): its 404s are found as before, by the route and the redirect lookup.
 */
export const MAX_KNOWN_ADDRESS_ROWS = 100_000

/**
 * The old address `fromPath` as the page cache compares it with the decoded request path: the
 * lookup matches it with the query against `url.pathname` (as sent) or `c.req.path` (decoded by
 * Hono), so both its path as stored and that path decoded as Hono decodes a request's.
 */
function oldAddressForms(fromPath: string): string[] {
  const path = fromPath.split('?', 1)[0]
  const decoded = getPath({ url: `http://host${path}` } as Request)
  return decoded === path ? [path] : [path, decoded]
}

/** Null addresses: more rows than MAX_KNOWN_ADDRESS_ROWS. */
export type KnownAddressRows = { version: number; addresses: string[] | null }

/**
 * Every address that can be a page or a redirect besides the fixed pages (reader-routes.ts), with
 * the content version they are as of: every post's slug (drafts and scheduled posts included, so
 * the list holds when one goes live), every page's address at the root (drafts too), every
 * category and author, every old address. One round trip; index-only reads, one row each, but
 * for the handful of pages (found by their partial index).
 */
export async function readKnownAddresses(
  db: Db,
  limit = MAX_KNOWN_ADDRESS_ROWS,
): Promise<KnownAddressRows> {
  const slugs = (prefix: string, slug: SQLiteColumn) => ({
    address: sql<string>`${`${prefix}/`} || ${slug}`.as('address'),
    redirect: sql<number>`0`.as('redirect'),
  })
  const [versionRows, rows] = await db.batch([
    db
      .select({ version: contentVersions.version })
      .from(contentVersions)
      .where(eq(contentVersions.id, 1)),
    db
      .select(slugs(POSTS_PREFIX, posts.slug))
      .from(posts)
      .unionAll(db.select(slugs(PAGES_PREFIX, posts.slug)).from(posts).where(isPage))
      .unionAll(db.select(slugs(CATEGORIES_PREFIX, categories.slug)).from(categories))
      .unionAll(db.select(slugs(AUTHORS_PREFIX, authors.slug)).from(authors))
      .unionAll(
        db
          .select({ address: redirects.fromPath, redirect: sql<number>`1`.as('redirect') })
          .from(redirects),
      )
      .limit(limit + 1),
  ])
  const version = versionRows[0]?.version ?? 0
  if (rows.length > limit) return { version, addresses: null }
  const addresses = rows.flatMap(({ address, redirect }) =>
    redirect ? oldAddressForms(address) : [address],
  )
  return { version, addresses }
}
