import { escapeToBuffer } from 'hono/utils/html'
import type { Site } from '../../types'
import { absoluteUrl } from '../../ui/head-meta'
import { wirePath } from '../../lib/addresses'

/**
 * One 404 page serves every address known to be no page: the page rendered for one address,
 * with its canonical URL (the values of `<link rel="canonical">`, its `hreflang` twin and
 * `og:url`) marked, then filled in with each address's own. The header's current section, the
 * only other thing the page takes from its address, is part of the entry's key (keys.ts).
 */

/** Where the address's canonical URL was: no rendered page holds a NUL character. */
const MARK = '\u0000canonical-url\u0000'

function escaped(text: string) {
  const buffer: [string] = ['']
  escapeToBuffer(text, buffer)
  return buffer[0]
}

function percentEncoded(path: string) {
  try {
    return encodeURI(path)
  } catch {
    return path // a lone surrogate: the page cannot hold it encoded either
  }
}

/** The canonical URL of the page at `path` as the layout writes it (percent-encoded), quotes included. */
const canonicalAttribute = (site: Site, path: string) =>
  `"${escaped(absoluteUrl(site, wirePath(path)))}"`

/**
 * The 404 page rendered for `path`, made shareable; null when the address still shows anywhere
 * else in it (the page then depends on its address in a way this does not know of, or the address
 * is short enough to be part of other text, `/a`): such a page is kept for its own address only.
 */
export function toNotFoundTemplate(body: string, site: Site, path: string): string | null {
  if (body.includes(MARK)) return null
  const template = body.split(canonicalAttribute(site, path)).join(MARK)
  const forms = new Set([path, escaped(path), percentEncoded(path)])
  return [...forms].some((form) => template.includes(form)) ? null : template
}

/** The shared 404 page, for the address at `path`. */
export function fromNotFoundTemplate(template: string, site: Site, path: string): string {
  return template.split(MARK).join(canonicalAttribute(site, path))
}
