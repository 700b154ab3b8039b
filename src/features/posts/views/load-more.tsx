import type { Site } from '../../../types'

/**
 * A plain link to the next page, which htmx turns into infinite scroll: it loads when clicked or
 * scrolled into view and puts the next posts, and the next link, in its own place.
 */
export function LoadMore({ site, href }: { site: Site; href: string }) {
  return (
    <a
      class="load-more"
      href={href}
      hx-get={href}
      hx-trigger="click, intersect once"
      hx-swap="outerHTML"
    >
      <span class="load-more-label">{site.t.loadMore}</span>
      <span class="load-more-busy" aria-hidden="true">
        <span class="spinner"></span> {site.t.loading}
      </span>
    </a>
  )
}
