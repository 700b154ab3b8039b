import { raw } from 'hono/html'
import type { SearchResult } from '../queries'
import { formatPostDate, isoDate } from '../../../lib/dates'
import { hasMatch, highlightedHtml } from '../search-query'
import type { Site } from '../../../types'
import { pagePath, postPath } from '../../../lib/addresses'

export type SearchOutcome = { query: string; posts: SearchResult[]; more: boolean }

type Props = { site: Site; outcome: SearchOutcome | null }

/** A page lives at the root, anything else under /posts/. */
const addressOf = (result: SearchResult) =>
  result.kind === 'page' ? pagePath(result.slug) : postPath(result.slug)

export function searchCount({ site, outcome }: Props): string {
  return outcome ? site.t.searchCount(outcome.posts.length, outcome.more) : ''
}

/** The results list; its titles and snippets are escaped, with only `<mark>` added. */
export function SearchResults({ site, outcome }: Props) {
  if (!outcome) return null
  if (outcome.posts.length === 0) return <p>{site.t.searchNothing}</p>
  return (
    <ol class="search-list">
      {outcome.posts.map((post) => (
        <li lang={post.language}>
          <h2>
            <a href={addressOf(post)}>{raw(highlightedHtml(post.titleMarked))}</a>
          </h2>
          {post.kind !== 'page' && (
            <p class="byline">
              {post.author.name} ·{' '}
              <time datetime={isoDate(post.publishedAt)}>
                {formatPostDate(post.publishedAt, site.locale, site.timeZone)}
              </time>
            </p>
          )}
          <p class="excerpt">
            {raw(
              highlightedHtml(
                hasMatch(post.bodySnippet) || !post.excerptMarked
                  ? post.bodySnippet
                  : post.excerptMarked,
              ),
            )}
          </p>
        </li>
      ))}
    </ol>
  )
}

/**
 * What htmx swaps in while the reader types: the list, and the count into the live region that
 * stays on the page, so that screen readers announce the new count (and only the count).
 */
export function SearchResultsFragment(props: Props) {
  return (
    <>
      <SearchResults {...props} />
      <hx-partial hx-target="#search-count" hx-swap="innerHTML">
        {searchCount(props)}
      </hx-partial>
    </>
  )
}
