import { MATCH_END, MATCH_START } from './search-query'
import type { Db } from '../../db/client'
import type { Language, PostKind } from '../../db/schema'

/** How many results a search shows; one more is read to know whether there are others. */
export const SEARCH_LIMIT = 20

export type SearchResult = {
  slug: string
  /** A page has its address at the root and no byline. */
  kind: PostKind
  language: Language
  publishedAt: Date
  author: { slug: string; name: string }
  /** Highlighted with MATCH_START/MATCH_END around each match; not yet escaped. */
  titleMarked: string
  excerptMarked: string
  bodySnippet: string
}

type Row = {
  slug: string
  kind: PostKind
  language: Language
  published_at: number
  author_slug: string
  author_name: string
  title_marked: string
  excerpt_marked: string
  body_snippet: string
}

/** How many best-ranked matches are considered at most: what bounds the rows a search reads. */
export const SEARCH_CANDIDATES = 100

/*
 * Three steps, so that the cost stays bounded however common the words are:
 * 1. the best SEARCH_CANDIDATES matches by `rank` (bm25 weighted title 10, excerpt 4, body 1, set
 *    in the migration), read from the index alone;
 * 2. of those, the listed posts, title matches first, then by rank: SEARCH_LIMIT + 1 of them;
 * 3. highlights and snippets, which read the post text, for those rows only.
 */
const SEARCH_SQL = `
WITH candidates AS (
  SELECT rowid AS id, rank FROM posts_search WHERE posts_search MATCH ?3 ORDER BY rank LIMIT ?6
), best AS (
  SELECT c.id, c.rank, EXISTS (
    SELECT 1 FROM posts_search t WHERE t.posts_search MATCH ?4 AND t.rowid = c.id
  ) AS in_title
  FROM candidates c JOIN posts p ON p.id = c.id
  WHERE p.status <> 'draft' AND p.deleted_at IS NULL AND p.published_at <= ?5
  ORDER BY in_title DESC, c.rank LIMIT ?7
)
SELECT p.slug, p.kind, p.language, p.published_at, a.slug AS author_slug, a.name AS author_name,
  highlight(posts_search, 0, ?1, ?2) AS title_marked,
  highlight(posts_search, 1, ?1, ?2) AS excerpt_marked,
  snippet(posts_search, 2, ?1, ?2, '…', 24) AS body_snippet
FROM best
CROSS JOIN posts_search ON posts_search.rowid = best.id
JOIN posts p ON p.id = best.id
JOIN authors a ON a.id = p.author_id
WHERE posts_search MATCH ?3
ORDER BY best.in_title DESC, best.rank`

/** The statement behind `searchPosts`, for tests that measure what it reads. */
export function searchStatement(ftsQuery: string, now: number, limit = SEARCH_LIMIT + 1) {
  const inTitle = `{title} : (${ftsQuery})`
  return {
    sql: SEARCH_SQL,
    params: [MATCH_START, MATCH_END, ftsQuery, inTitle, now, SEARCH_CANDIDATES, limit],
  }
}

/**
 * Listed posts and published pages matching an FTS5 query (lib/search-query builds it), best first. Scheduled posts are
 * indexed but only found once their time has passed, as nothing is written when they go live.
 */
export async function searchPosts(db: Db, ftsQuery: string, now: number) {
  const { sql, params } = searchStatement(ftsQuery, now)
  const { results } = await db.$client
    .prepare(sql)
    .bind(...params)
    .all<Row>()
  const posts: SearchResult[] = results.slice(0, SEARCH_LIMIT).map((row) => ({
    slug: row.slug,
    kind: row.kind,
    language: row.language,
    publishedAt: new Date(row.published_at),
    author: { slug: row.author_slug, name: row.author_name },
    titleMarked: row.title_marked,
    excerptMarked: row.excerpt_marked,
    bodySnippet: row.body_snippet,
  }))
  return { posts, more: results.length > SEARCH_LIMIT }
}
