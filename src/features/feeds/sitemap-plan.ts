/**
 * The addresses of a large sitemap as one sequence, cut into files of `perFile`: the home page and
 * `/categories` first, then the pages at the site's root (by title), the category pages (by name),
 * the author pages (by slug), and the posts (oldest first). Each file reads only its own slice of
 * each part.
 */
export type SitemapTotals = { pages: number; categories: number; authors: number; posts: number }
export type SitemapSlice = { offset: number; limit: number }
export type SitemapFilePlan = {
  fixedPages: boolean
  pages: SitemapSlice | null
  categories: SitemapSlice | null
  authors: SitemapSlice | null
  posts: SitemapSlice | null
}

const FIXED_PAGES = 2

export function sitemapTotal(totals: SitemapTotals): number {
  return FIXED_PAGES + totals.pages + totals.categories + totals.authors + totals.posts
}

export function sitemapFileCount(totals: SitemapTotals, perFile: number): number {
  return Math.ceil(sitemapTotal(totals) / perFile)
}

/** What file `n` (from 1) holds, or null past the last one. */
export function sitemapFilePlan(
  totals: SitemapTotals,
  perFile: number,
  n: number,
): SitemapFilePlan | null {
  if (!Number.isSafeInteger(n) || n < 1 || n > sitemapFileCount(totals, perFile)) return null
  const start = (n - 1) * perFile
  const end = start + perFile
  let at = FIXED_PAGES
  const slice = (size: number): SitemapSlice | null => {
    const from = Math.max(start, at)
    const to = Math.min(end, at + size)
    const part = to > from ? { offset: from - at, limit: to - from } : null
    at += size
    return part
  }
  return {
    fixedPages: start < FIXED_PAGES,
    pages: slice(totals.pages),
    categories: slice(totals.categories),
    authors: slice(totals.authors),
    posts: slice(totals.posts),
  }
}
