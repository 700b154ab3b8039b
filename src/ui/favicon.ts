/**
 * The site's icon, inside every page as a data: URL: browsers fetch a linked icon around the time
 * the page finishes loading, which on a phone competes with the page's first paint.
 */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#8a3b12"/><text x="32" y="44" font-family="Georgia, serif" font-size="34" font-weight="700" text-anchor="middle" fill="#fbfaf7">M</text></svg>'

export const FAVICON_HREF = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`
