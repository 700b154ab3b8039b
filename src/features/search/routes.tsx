import { sValidator } from '@hono/standard-validator'
import { Hono } from 'hono'
import { searchPosts } from './queries'
import { FRAGMENT_VARY, isFragmentRequest } from '../../lib/htmx'
import { toFtsQuery } from './search-query'
import type { AppEnv } from '../../types'
import { searchQuerySchema } from './schemas'
import { SearchPage } from './views/search-page'
import { SearchResultsFragment, type SearchOutcome } from './views/search-results'

/** Searches are neither stored nor counted: the query string never leaves this handler. */
export const searchRoutes = new Hono<AppEnv>().get(
  '/',
  sValidator('query', searchQuerySchema),
  async (c) => {
    const { site, db } = c.var
    const { q } = c.req.valid('query')
    const fts = toFtsQuery(q)
    const outcome: SearchOutcome | null = !q
      ? null
      : fts
        ? { query: q, ...(await searchPosts(db, fts, Date.now())) }
        : { query: q, posts: [], more: false }
    c.header('Vary', FRAGMENT_VARY)
    if (isFragmentRequest(c.req.raw.headers)) {
      return c.html(<SearchResultsFragment site={site} outcome={outcome} />)
    }
    return c.render(<SearchPage site={site} outcome={outcome} />, {
      title: q ? site.t.searchResultsTitle(q) : site.t.searchTitle,
      description: site.t.searchDescription,
      canonicalPath: '/search',
      // Result pages are endless and thin: search engines should index the posts instead.
      noindex: Boolean(q),
    })
  },
)
