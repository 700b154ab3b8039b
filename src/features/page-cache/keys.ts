import type { ContentState } from './content-version'
import { isFragmentRequest } from '../../lib/htmx'

/** How old a cached content-state probe may be: the bound on staleness in other data centres. */
export const CONTENT_STATE_MAX_AGE_MS = 5_000
/** How long an isolate reuses a probe's answer: the bound on staleness in the editor's own. */
export const CONTENT_STATE_REUSE_MS = 100
/** A page entry's life when nothing is scheduled; any write makes it unreachable sooner. */
export const PAGE_MAX_AGE_S = 86_400
export const NOT_FOUND_MAX_AGE_S = 60

/** Entries live under this prefix of the site's own origin, in a cache of their own. */
const PREFIX = '/_page-cache'

export function contentStateKey(url: URL, deployment: string) {
  return `${url.origin}${PREFIX}/${deployment}/content-state`
}

/**
 * The page's entry for this content state, at `address` (its path and the part of its query the
 * page depends on, lib/reader-query.ts). A page and its htmx fragment (same URL, `HX-Request`)
 * get entries of their own; the version and the next publication time make every entry written
 * before a write, or before a scheduled post went live, unreachable.
 */
export function pageKey(
  request: Request,
  address: string,
  state: ContentState,
  deployment: string,
) {
  const url = new URL(request.url)
  const variant = isFragmentRequest(request.headers) ? 'fragment' : 'page'
  const next = state.nextPublicationAt ?? 'none'
  return `${url.origin}${PREFIX}/${deployment}/v${state.version}-${next}/${variant}${address}`
}

/**
 * The one 404 entry shared by every address known to be no page (reader-routes.ts): by content
 * state and variant as pages are, and by the header's and footer's current links (`navMarks`,
 * ui/site-nav.tsx), the only other thing the 404 page takes from its address besides its
 * canonical URL (see not-found-page.ts).
 */
export function notFoundKey(
  request: Request,
  state: ContentState,
  deployment: string,
  navMarks: string,
) {
  const url = new URL(request.url)
  const variant = isFragmentRequest(request.headers) ? 'fragment' : 'page'
  const next = state.nextPublicationAt ?? 'none'
  return `${url.origin}${PREFIX}/${deployment}/v${state.version}-${next}/not-found/${variant}/${navMarks}`
}

/**
 * The known addresses of a content version (known-addresses.ts). Not keyed by the next
 * publication: they include scheduled posts, so they stay right when one goes live.
 */
export function knownAddressesKey(url: URL, deployment: string, version: number) {
  return `${url.origin}${PREFIX}/${deployment}/v${version}/known-addresses`
}

/** Seconds an entry may live: never past the next scheduled publication. */
export function entryMaxAge(status: number, state: ContentState, now: number) {
  // Redirects live as long as pages: a new or changed one comes with a new content version.
  const wanted = status === 404 ? NOT_FOUND_MAX_AGE_S : PAGE_MAX_AGE_S
  if (state.nextPublicationAt === null) return wanted
  return Math.min(wanted, Math.floor((state.nextPublicationAt - now) / 1000))
}

/** 32-bit FNV-1a, to fold the site's settings into a short key part. */
export function shortHash(text: string) {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}
