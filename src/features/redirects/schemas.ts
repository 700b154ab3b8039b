import * as v from 'valibot'
import { wirePath } from '../../lib/addresses'

/** The longest old address an import keeps; a longer one can have no redirect. */
export const MAX_REDIRECT_PATH = 1_000

/**
 * An address worth looking up in `redirects`: anything longer cannot be stored there, and sending
 * it to D1 would fail (a megabyte query string is larger than a bound string may be).
 */
export const redirectLookupPath = v.pipe(v.string(), v.maxLength(MAX_REDIRECT_PATH))

/**
 * Where a redirect may send a reader: a path on this site. One leading slash and never two in a
 * row (`//evil.example` is another host), no backslash (browsers read `/\evil.example` as
 * `//evil.example`), and nothing outside printable ASCII: CR and LF would split the `Location`
 * header, browsers drop tabs (`/<tab>/evil.example`), and other characters cannot be sent in a
 * header at all. No scheme (`https:`, `javascript:`) can come before the leading slash.
 */
export function isSameSitePath(path: string): boolean {
  return path.length <= MAX_REDIRECT_PATH && /^\/[!-~]*$/.test(path) && !/\/\/|\\/.test(path)
}

/**
 * An old address a redirect answers for: a path on this site as well, except that it may hold
 * any non-ASCII character (it is compared with the decoded request path, never sent back).
 */
export function isOldAddress(path: string): boolean {
  return (
    path.length <= MAX_REDIRECT_PATH &&
    /^\/[^\s\x00-\x1f\x7f-\x9f\\]*$/u.test(path) &&
    !path.includes('//')
  )
}

/**
 * A redirect's target as stored: a path on this site as routes see it, so in any script (slugs may
 * be, `/posts/café`). It is sent percent-encoded (`wirePath`), and that form must be a same-site
 * path; no whitespace or control character may be in it at all.
 */
export function isRedirectTarget(path: string): boolean {
  return isOldAddress(path) && isSameSitePath(wirePath(path))
}

const shown = (input: unknown) => JSON.stringify(String(input).slice(0, 100))

const pathOnThisSite = (check: (path: string) => boolean) =>
  v.pipe(
    v.string(),
    v.maxLength(MAX_REDIRECT_PATH),
    v.check(
      check,
      (issue) =>
        `not a path on this site (one leading "/", no "//", backslash, space or control character): ${shown(issue.input)}`,
    ),
  )

/** A redirect's target, as an import brings it. */
export const redirectTarget = pathOnThisSite(isRedirectTarget)

/** A redirect's old address, as an import brings it. */
export const redirectSource = pathOnThisSite(isOldAddress)
