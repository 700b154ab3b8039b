import { displayHost } from '../../../lib/display-host'
import type { Site } from '../../../types'

/**
 * The link to a note's source. `noopener` keeps the source from scripting this tab; the site-wide
 * `Referrer-Policy: no-referrer` already keeps readers' paths from reaching it.
 */
export function ReadAtSource({ site, sourceUrl }: { site: Site; sourceUrl: string }) {
  return (
    <p class="note-source">
      <a href={sourceUrl} rel="noopener external">
        {site.t.readAt(displayHost(sourceUrl))} →
      </a>
    </p>
  )
}
