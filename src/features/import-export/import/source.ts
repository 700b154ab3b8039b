/**
 * What an importer reads from another blog's export, before anything is decided about this blog.
 * The WordPress and Ghost readers both produce it, so one mapper and one writer serve both.
 */
export type SourceKind = 'wordpress' | 'ghost' | 'archive'

export type SourceAuthor = { sourceId: string; slug: string; name: string; bio: string }

export type SourceTerm = {
  sourceId: string
  kind: 'category' | 'tag'
  slug: string
  name: string
  description: string
}

export type SourcePost = {
  /** Stable across exports of the same blog: the WordPress guid or the Ghost id. */
  sourceId: string
  /** WordPress post_id, for the old `/?p=ID` address. */
  numericId?: string
  /** The old public address, when the export gives one. */
  link?: string
  title: string
  slug: string
  /** The source's own word: publish, future, draft, pending, private, trash, published, scheduled… */
  status: string
  /** UTC, ISO 8601, or null when the source has none (a WordPress draft). */
  publishedAt: string | null
  excerpt: string
  /** HTML as the source stores it; `markdown` instead when the source already is Markdown. */
  html?: string
  markdown?: string
  language?: string
  authorSourceIds: string[]
  termSlugs: { kind: 'category' | 'tag'; slug: string; name: string }[]
  featureImage?: string
  featureImageAlt?: string
  /** A curated note's source (this blog's own archive). */
  note?: NoteSource
  /** WordPress attachment id of the featured image, resolved through `attachments`. */
  thumbnailId?: string
  /** A page (WordPress `page`, Ghost `type: page`, this blog's `pages/`) rather than a post. */
  kind?: 'page'
  /** Readers' approved comments (features/comments), oldest first where the source says. */
  comments?: SourceComment[]
}

/** An approved comment: `parentId` names another comment of the same post, or none. */
export type SourceComment = {
  sourceId: string
  parentId: string | null
  authorName: string
  authorUrl: string
  /** Kept only when the archive was exported with emails (the owner asked). */
  email?: string
  /** UTC, ISO 8601. */
  createdAt: string
  /** The text as Markdown (the comments' subset), or HTML from the source to convert. */
  markdown?: string
  html?: string
}

export type NoteSource = { url: string; siteName: string; publishedAt: string }

export type SkippedItem = { kind: string; title: string; reason: string }

export type SourceBlog = {
  kind: SourceKind
  /** The old site's address, without a trailing slash. */
  baseUrl: string
  authors: SourceAuthor[]
  terms: SourceTerm[]
  posts: SourcePost[]
  /** WordPress attachments: id → file URL, for featured images. */
  attachments: Map<string, string>
  skipped: SkippedItem[]
  /** Old addresses already known (this blog's own archive carries its redirects). */
  redirects?: { from: string; to: string }[]
  /** Image files carried in the file itself (this blog's own archive). */
  media?: { key: string; alt: string; bytes: Uint8Array }[]
  /** The site's settings and menus (this blog's own archive), as they were exported. */
  site?: ArchivedSite
}

/**
 * What this blog's archive carries of the site besides its content. Read from a file, so
 * nothing here is trusted: it goes through the settings' and the menus' own checks.
 */
export type ArchivedSite = {
  settings?: Record<string, unknown>
  navigation?: Record<string, unknown>
}

/** A file that is not an export this blog reads, or one that is broken: nothing is written. */
export class ImportFileError extends Error {
  override name = 'ImportFileError'
}

export function emptyBlog(kind: SourceKind): SourceBlog {
  return {
    kind,
    baseUrl: '',
    authors: [],
    terms: [],
    posts: [],
    attachments: new Map(),
    skipped: [],
  }
}
