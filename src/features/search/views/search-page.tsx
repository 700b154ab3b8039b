import { MAX_QUERY_LENGTH } from '../search-query'
import type { Site } from '../../../types'
import { searchCount, SearchResults, type SearchOutcome } from './search-results'

/**
 * A plain GET form, which works without JavaScript. With htmx, typing fetches the results alone
 * after a pause; `hx-sync` aborts a request still running when a newer one starts, so an old, slow
 * answer can never replace a newer one.
 */
export function SearchPage({ site, outcome }: { site: Site; outcome: SearchOutcome | null }) {
  const { t } = site
  return (
    <>
      <h1 class="feed-heading">{t.searchTitle}</h1>
      <form class="search-form" action="/search" method="get" role="search">
        <label for="search-q">{t.searchLabel}</label>
        <div class="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            value={outcome?.query ?? ''}
            maxlength={MAX_QUERY_LENGTH}
            autocomplete="off"
            aria-describedby="search-hint"
            aria-controls="search-results"
            hx-get="/search"
            hx-trigger="input changed delay:250ms, search"
            hx-target="#search-results"
            hx-swap="innerHTML"
            hx-sync="replace"
            hx-replace-url="true"
          />
          <button type="submit">{t.searchButton}</button>
        </div>
        <p id="search-hint" class="search-hint">
          {t.searchHint}
        </p>
      </form>
      <p id="search-count" class="search-count" role="status" aria-live="polite">
        {searchCount({ site, outcome })}
      </p>
      <div id="search-results" class="search-results">
        <SearchResults site={site} outcome={outcome} />
      </div>
    </>
  )
}
