/**
 * An htmx request for part of a page (a Load More), as opposed to a page load or htmx fetching a
 * whole page again on Back.
 */
export function isFragmentRequest(headers: Headers): boolean {
  return (
    headers.get('HX-Request') === 'true' && headers.get('HX-History-Restore-Request') !== 'true'
  )
}

/** For URLs that answer with a page or a fragment depending on the headers above. */
export const FRAGMENT_VARY = 'HX-Request, HX-History-Restore-Request'
