import type { Language, PostStatus } from '../../../db/schema'
import { guessLanguage } from '../../../lib/language'
import { isReservedRootSlug } from '../../../lib/root-addresses'
import { normalizeSlug, SLUG_PATTERN, slugify } from '../../../lib/slug'
import { htmlToMarkdown, htmlToText } from './html-to-markdown'
import * as paths from './paths'
import type { ImportReport } from './report'
import type { NoteSource, SourceBlog, SourcePost } from './source'

export type PlannedAuthor = {
  key: string
  slug: string
  name: string
  bio: string
  oldPaths: string[]
}
export type PlannedCategory = {
  key: string
  slug: string
  name: string
  description: string
  oldPaths: string[]
}
export type PlannedPost = {
  key: string
  title: string
  /** The slug wanted; the writer adds a suffix if a post written here already has it. */
  slug: string
  excerpt: string
  markdown: string
  status: PostStatus
  language: Language
  publishedAt: Date | null
  authorKey: string | null
  categoryKeys: string[]
  featureImage: string | null
  featureImageAlt: string
  note: NoteSource | null
  oldPaths: string[]
  /** This blog's own archive: a post with the same slug here is that post, left as it is. */
  sameSlugIsSamePost: boolean
  /** A page, at the site's root: no categories, never scheduled. Absent for a post. */
  page?: true
  /** Readers' approved comments, their text as Markdown (import/comments.ts writes them). */
  comments?: PlannedComment[]
}

export type PlannedComment = {
  sourceId: string
  parentId: string | null
  authorName: string
  authorUrl: string
  email: string
  /** ISO 8601: a plan crosses Workflow steps as JSON. */
  createdAt: string
  markdown: string
}
export type SitePlan = {
  /** The export's authors, and the fallback byline when a post needs it. */
  authors: PlannedAuthor[]
  categories: PlannedCategory[]
  /** Old addresses of the whole site: feeds and date archives. */
  siteRedirects: { from: string; to: string }[]
}

export const TITLE_MAX = 200
export const EXCERPT_MAX = 500

const STATUS: Record<string, PostStatus | 'skip'> = {
  publish: 'published',
  published: 'published',
  future: 'scheduled',
  scheduled: 'scheduled',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
  sent: 'draft',
  trash: 'skip',
  'auto-draft': 'skip',
  inherit: 'skip',
}

/** A source slug with its percent-encoding decoded (WordPress stores `日本` as `%e6%97%a5%e6%9c%ac`). */
export function decodedSlug(raw: string): string {
  try {
    return normalizeSlug(decodeURIComponent(raw))
  } catch {
    return raw // A stray % is kept as typed; slugify folds it away.
  }
}

/**
 * A source slug as a valid slug here: percent-encoding decoded and kept, in any script
 * (`привет-мир`); made again from it, or from the title, only when it is not a valid slug.
 */
export function importedSlug(raw: string, title: string, fallback: string): string {
  const decoded = decodedSlug(raw)
  if (SLUG_PATTERN.test(decoded) && Array.from(decoded).length <= 80) return decoded
  return slugify(decoded) || slugify(title) || fallback
}

export const authorKey = (sourceId: string) => `author:${sourceId}`
export const categoryKey = (slug: string) => `category:${slug}`

/** The category a source term becomes here (categories and tags alike). */
const termKey = (kind: 'category' | 'tag', rawSlug: string, name: string) =>
  categoryKey(importedSlug(rawSlug, name, kind))

/** The byline of posts whose author the export does not name or list. */
export const FALLBACK_AUTHOR: PlannedAuthor = {
  key: 'author:imported',
  slug: 'imported',
  name: 'Imported',
  bio: '',
  oldPaths: [],
}

/** The old site's path prefix (a blog in a subfolder), without a trailing slash. */
const basePath = (blog: SourceBlog) =>
  blog.baseUrl ? new URL(blog.baseUrl).pathname.replace(/\/+$/, '') : ''

const plannedStatus = (source: SourcePost) => STATUS[source.status] ?? 'draft'

/** A draft has no date; a post to publish without one is dated now (`undated`, reported). */
function plannedDate(source: SourcePost, status: PostStatus) {
  const given = source.publishedAt ? new Date(source.publishedAt) : null
  if (status === 'draft') return { publishedAt: null, undated: false }
  return { publishedAt: given ?? new Date(), undated: !given }
}

const postAuthorKey = (source: SourcePost) =>
  source.authorSourceIds[0] ? authorKey(source.authorSourceIds[0]) : null

/**
 * What planning the site (authors, categories, date archives) needs to know of the posts, gathered
 * as they stream past: it grows with the terms and months used, not with the number of posts.
 */
export type PostsSurvey = {
  /** Posts to import (not skipped). */
  count: number
  /** The terms those posts use, each once, in order of first use. */
  terms: SourcePost['termSlugs']
  /** `YYYY-MM` of the posts to publish, for the old date-archive addresses. */
  months: string[]
  /** Their authors' keys, null for a post without one. */
  authorKeys: (string | null)[]
}

/** Adds posts to a survey as they come; `result()` gives it. */
export function postsSurveyor() {
  let count = 0
  const terms = new Map<string, SourcePost['termSlugs'][number]>()
  const months = new Set<string>()
  const authorKeys = new Set<string | null>()
  return {
    add(sources: SourcePost[]) {
      for (const source of sources) {
        const status = plannedStatus(source)
        if (status === 'skip') continue
        count++
        for (const term of source.termSlugs) {
          const id = JSON.stringify([term.kind, term.slug, term.name])
          if (!terms.has(id)) terms.set(id, term)
        }
        const { publishedAt } = plannedDate(source, status)
        // Date archives list posts: pages have none.
        if (publishedAt && source.kind !== 'page') months.add(publishedAt.toISOString().slice(0, 7))
        authorKeys.add(postAuthorKey(source))
      }
    },
    result: (): PostsSurvey => ({
      count,
      terms: [...terms.values()],
      months: [...months],
      authorKeys: [...authorKeys],
    }),
  }
}

/**
 * Decides what the export's authors and categories become here and which old addresses of the
 * whole site redirect where, from the export (its posts aside) and the survey of its posts. Pure:
 * it reads nothing from the database, so a dry run and the real run plan the same thing.
 */
export function planSite(blog: SourceBlog, survey: PostsSurvey, report: ImportReport): SitePlan {
  const base = basePath(blog)
  const wordpress = blog.kind === 'wordpress'
  const authors = blog.authors.map((a) => {
    const slug = importedSlug(a.slug, a.name, 'author')
    return {
      key: authorKey(a.sourceId),
      slug,
      name: a.name.slice(0, TITLE_MAX) || slug,
      bio: a.bio,
      oldPaths: blog.kind === 'archive' ? [] : [paths.lookupPath(`${base}/author/${a.slug}`)],
    }
  })
  const authorKeys = new Set(authors.map((a) => a.key))
  if (survey.authorKeys.some((key) => !key || !authorKeys.has(key))) authors.push(FALLBACK_AUTHOR)

  const categories = new Map<string, PlannedCategory>()
  const addTerm = (kind: 'category' | 'tag', rawSlug: string, name: string, description = '') => {
    const key = termKey(kind, rawSlug, name)
    const oldPath =
      blog.kind === 'archive'
        ? null
        : paths.lookupPath(`${base}/${kind === 'category' ? 'category' : 'tag'}/${rawSlug}`)
    const existing = categories.get(key)
    if (existing) {
      if (oldPath && !existing.oldPaths.includes(oldPath)) existing.oldPaths.push(oldPath)
    } else {
      const slug = importedSlug(rawSlug, name, kind)
      categories.set(key, {
        key,
        slug,
        name: (name || slug).slice(0, TITLE_MAX),
        description,
        oldPaths: oldPath ? [oldPath] : [],
      })
    }
  }
  for (const term of blog.terms) addTerm(term.kind, term.slug, term.name, term.description)
  if (blog.terms.some((t) => t.kind === 'tag'))
    report.notes.push('This blog has categories only: tags were imported as categories.')
  for (const term of survey.terms) addTerm(term.kind, term.slug, term.name)

  const siteRedirects: SitePlan['siteRedirects'] = []
  for (const r of blog.redirects ?? []) siteRedirects.push(r)
  if (blog.kind !== 'archive') {
    const { FEED_PATH, monthArchivePath } = paths
    siteRedirects.push({ from: `${base}/${wordpress ? 'feed' : 'rss'}`, to: FEED_PATH })
    if (wordpress)
      for (const month of survey.months) {
        const [year, mm] = month.split('-').map(Number)
        siteRedirects.push({
          from: `${base}/${month.replace('-', '/')}`,
          to: monthArchivePath(year, mm),
        })
      }
  }
  return { authors, categories: [...categories.values()], siteRedirects }
}

/** What each of these posts becomes here (skipped ones left out), reporting every change and skip. */
export function planPosts(
  sources: SourcePost[],
  blog: SourceBlog,
  report: ImportReport,
  localImages: ReadonlyMap<string, string> = new Map(),
): PlannedPost[] {
  const base = basePath(blog)
  return sources.flatMap((source) => planPost(source, blog, report, localImages, base) ?? [])
}

function planPost(
  source: SourcePost,
  blog: SourceBlog,
  report: ImportReport,
  localImages: ReadonlyMap<string, string>,
  base: string,
): PlannedPost | null {
  const isPage = source.kind === 'page'
  let status = plannedStatus(source)
  const label = source.title || source.slug || source.sourceId
  if (status === 'skip') {
    report.skipped.push({ kind: 'post', title: label, reason: `status "${source.status}"` })
    return null
  }
  if (!STATUS[source.status])
    report.changed.push({
      kind: 'post',
      title: label,
      reason: `unknown status "${source.status}" imported as a draft`,
    })
  if (source.status === 'private' || source.status === 'sent')
    report.changed.push({
      kind: 'post',
      title: label,
      reason: `${source.status} post imported as a draft`,
    })

  const body =
    source.markdown !== undefined
      ? { markdown: source.markdown, shortcodes: [] }
      : htmlToMarkdown(source.html ?? '', localImages)
  if (body.shortcodes.length)
    report.changed.push({
      kind: 'post',
      title: label,
      reason: `shortcodes kept as text: ${body.shortcodes.map((s) => `[${s}]`).join(', ')}`,
    })

  let title = source.title.trim()
  if (!title) {
    title = htmlToText(body.markdown).split(/\s+/).slice(0, 8).join(' ') || 'Untitled'
    report.changed.push({
      kind: 'post',
      title,
      reason: 'the post had no title; this one was given',
    })
  }
  if (title.length > TITLE_MAX) {
    title = title.slice(0, TITLE_MAX)
    report.changed.push({ kind: 'post', title, reason: `title cut to ${TITLE_MAX} characters` })
  }

  const fallbackSlug = `${isPage ? 'page' : 'post'}-${source.numericId ?? source.sourceId.replace(/[^a-z0-9]/gi, '').slice(-12)}`
  let slug = importedSlug(source.slug, title, fallbackSlug)
  if (isPage && isReservedRootSlug(slug)) slug = `${slug}-page`
  if (source.slug && slug !== decodedSlug(source.slug))
    report.changed.push({ kind: 'post', title, reason: `slug "${source.slug}" became "${slug}"` })
  if (isPage && status === 'scheduled') {
    status = 'draft'
    report.changed.push({
      kind: 'page',
      title,
      reason: 'a scheduled page was imported as a draft: pages are published by hand',
    })
  }

  const { publishedAt, undated } = plannedDate(source, status)
  if (undated)
    report.changed.push({
      kind: 'post',
      title,
      reason: 'no publication date; the import time was used',
    })

  const excerpt = (blog.kind === 'archive' ? source.excerpt : htmlToText(source.excerpt)).slice(
    0,
    EXCERPT_MAX,
  )
  const language =
    source.language === 'fr' || source.language?.startsWith('fr-')
      ? 'fr'
      : source.language === 'en' || source.language?.startsWith('en-')
        ? 'en'
        : guessLanguage(`${title} ${htmlToText(source.html ?? source.markdown ?? '')}`)

  const oldPaths: string[] = []
  if (status !== 'draft' && blog.kind !== 'archive') {
    const link = paths.oldPath(source.link, blog.baseUrl)
    if (link) oldPaths.push(link)
    if (source.numericId) oldPaths.push(paths.lookupPath(`${base}/?p=${source.numericId}`))
    if (source.numericId && isPage)
      oldPaths.push(paths.lookupPath(`${base}/?page_id=${source.numericId}`))
    if (blog.kind === 'ghost') oldPaths.push(`${base}/${source.slug}`)
  }

  const featureSource =
    source.featureImage ??
    (source.thumbnailId ? blog.attachments.get(source.thumbnailId) : undefined)
  let featureImage = featureSource ? (localImages.get(featureSource) ?? featureSource) : null
  if (featureImage && !featureImage.startsWith('/media/')) {
    report.changed.push({
      kind: 'post',
      title,
      reason: `featured image not imported: ${featureImage}`,
    })
    featureImage = null
  }

  return {
    key: `post:${source.sourceId}`,
    title,
    slug,
    excerpt,
    markdown: body.markdown,
    status,
    language,
    publishedAt,
    authorKey: postAuthorKey(source),
    categoryKeys: isPage ? [] : source.termSlugs.map((t) => termKey(t.kind, t.slug, t.name)),
    featureImage,
    featureImageAlt: source.featureImageAlt ?? '',
    note: source.note ?? null,
    // An old address the blog answers itself (`/search`) stays the blog's.
    oldPaths: [...new Set(oldPaths)].filter((path) => !isReservedRootSlug(path.slice(1))),
    sameSlugIsSamePost: blog.kind === 'archive',
    ...(isPage && { page: true as const }),
    ...(source.comments?.length && { comments: plannedComments(source.comments) }),
  }
}

function plannedComments(comments: NonNullable<SourcePost['comments']>): PlannedComment[] {
  return comments.map((comment) => {
    const time = Date.parse(comment.createdAt)
    return {
      sourceId: comment.sourceId,
      parentId: comment.parentId,
      authorName: comment.authorName.slice(0, 100) || 'Anonymous',
      authorUrl: /^https?:\/\//i.test(comment.authorUrl) ? comment.authorUrl.slice(0, 500) : '',
      email: comment.email ?? '',
      createdAt: new Date(Number.isNaN(time) ? 0 : time).toISOString(),
      markdown: (comment.markdown ?? htmlToMarkdown(comment.html ?? '').markdown).slice(0, 5_000),
    }
  })
}
