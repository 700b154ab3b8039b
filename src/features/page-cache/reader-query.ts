import { feedQuery } from '../posts'
import { queryParts } from '../../lib/query-parts'
import { searchQuerySchema } from '../search'
import { categoriesQuery } from '../categories'
import { isTrackingParam } from '../../lib/tracking-params'

/** Parameters read by the lists (Load More, Back) and by the search page, from their schemas. */
const LIST_PARAMS = Object.keys(feedQuery.entries)
const SEARCH_PARAMS = Object.keys(searchQuerySchema.entries)
/** `/categories` is paged by its own cursor (`?after=<slug>`). */
const CATEGORY_INDEX_PARAMS = Object.keys(categoriesQuery.entries)
const LIST_PATH = /^\/(?:notes|(?:categories|authors)\/[^/]+)?$/

/**
 * The query parameters the reader route at `pathname` reads. A route that starts reading another
 * one must be added here, or the page cache would answer every value with the same page.
 */
export function routeParams(pathname: string): readonly string[] {
  if (pathname === '/search') return SEARCH_PARAMS
  if (pathname === '/categories') return CATEGORY_INDEX_PARAMS
  return LIST_PATH.test(pathname) ? LIST_PARAMS : []
}

/** A name as Hono's query parser reads it: `+` is a space, each valid run of escapes decoded. */
function decoded(name: string) {
  if (!/[%+]/.test(name)) return name
  const spaced = name.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
  }
}

export type ReaderQuery = {
  /** What the page depends on, `?…` or empty: part of the cache key, the only query the page sees. */
  kept: string
  /** What the key leaves out, `a=1&b=2` or empty: given back on redirects. */
  dropped: string
}

/**
 * Splits a reader's query string into what the page cache keys the page by and what it ignores.
 * Kept: the parameters the route reads (`after`, `through`, `q`), as sent. When a parameter is
 * named by some old address with a query string (`/?p=12`, see `redirect_query_names`), all but
 * tracking parameters are kept, as the redirect lookup compares the whole query. Anything else
 * is ignored rather than redirected to the clean address: no page shows it, so one entry serves
 * every value, and the reader is spared a round trip whose answer would itself need caching.
 */
export function readerQuery(url: URL, redirectNames: readonly string[]): ReaderQuery {
  const all = queryParts(url.search)
  const read = routeParams(url.pathname)
  // The route sees names decoded, so `aft%65r` is `after` to it; old addresses are compared as sent.
  const isRead = (name: string) => read.includes(decoded(name))
  const oldAddress = all.some(({ name }) => redirectNames.includes(name) && !isRead(name))
  const keep = ({ name }: { name: string }) =>
    isRead(name) || (oldAddress && !isTrackingParam(decoded(name)))
  const kept = all.filter(keep).map(({ part }) => part)
  const dropped = all.filter((part) => !keep(part)).map(({ part }) => part)
  return { kept: kept.length ? `?${kept.join('&')}` : '', dropped: dropped.join('&') }
}
