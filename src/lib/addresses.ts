/**
 * Reader addresses built from slugs. A slug may be in any script (`日本の旅館`, `привет-мир`):
 * each is percent-encoded here, so links, feeds, the sitemap and canonical URLs carry the form
 * that goes on the wire. Routes see them decoded (Hono decodes paths), so either spelling of an
 * address reaches the same page.
 */
export const postPath = (slug: string) => `/posts/${encodeURIComponent(slug)}`
export const pagePath = (slug: string) => `/${encodeURIComponent(slug)}`
export const categoryPath = (slug: string) => `/categories/${encodeURIComponent(slug)}`
export const authorPath = (slug: string) => `/authors/${encodeURIComponent(slug)}`

/**
 * A path fit for a header or an absolute URL: every character outside printable ASCII
 * percent-encoded, escapes already there kept as they are (`/posts/日本` → `/posts/%E6%97%A5%E6%9C%AC`).
 */
export function wirePath(path: string): string {
  return path.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char))
}
