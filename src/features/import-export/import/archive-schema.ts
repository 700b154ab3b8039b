import * as v from 'valibot'
import { LANGUAGES, POST_KINDS, POST_STATUSES } from '../../../db/schema'
import { ARCHIVE_SCHEMA } from '../export/archive'
import { MAX_ALT_LENGTH } from '../../media'
import { AUTHOR_BIO_MAX, AUTHOR_NAME_MAX, AUTHOR_SLUG_MAX } from '../../authors-editors'
import { FIELD_MAX } from '../../../lib/validation/limits'
import { NOTE_LIMITS } from '../../notes'
import { redirectSource, redirectTarget } from '../../redirects'
import type { ArchiveLimits } from './archive-limits'
import { TITLE_MAX } from './map'
import { ImportFileError } from './source'

/**
 * Bounds with no form of their own: what the importers let in, with room (WordPress tags become
 * categories, and a post keeps all of them; a large WordPress blog leaves two old addresses per
 * post). Whatever the count, a list is one file, within the archive's per-file limit.
 */
const MAX = {
  fileName: 300,
  mediaKey: 200,
  contentType: 100,
  siteName: 200,
  categoryDescription: 10_000,
  categoriesPerPost: 500,
  authors: 10_000,
  categories: 50_000,
  redirects: 200_000,
} as const

const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max))
const unique = <T extends v.GenericSchema<unknown, string>>(item: T, max: number) =>
  v.pipe(
    list(item, max),
    v.check((names) => new Set(names).size === names.length, 'lists a file twice'),
  )
const fileName = text(MAX.fileName)
const timestamp = v.nullish(v.pipe(v.string(), v.isoTimestamp()))

export const manifestSchema = (limits: ArchiveLimits) =>
  v.object({
    schema: v.literal(ARCHIVE_SCHEMA),
    schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    exportedAt: timestamp,
    site: text(MAX.siteName),
    // Each post file once: a name listed over and over would be read over and over.
    posts: unique(fileName, limits.entries),
    // Since version 2: pages apart from posts, the site's settings and its menus (each file then
    // goes through the settings' and the navigation's own checks).
    pages: v.optional(unique(fileName, limits.entries), []),
    settings: v.optional(fileName),
    navigation: v.optional(fileName),
    comments: v.optional(fileName),
    authors: fileName,
    categories: fileName,
    redirects: fileName,
    media: v.pipe(
      list(
        v.object({
          file: fileName,
          key: text(MAX.mediaKey),
          alt: text(MAX_ALT_LENGTH),
          contentType: text(MAX.contentType),
        }),
        limits.entries,
      ),
      v.check(
        (media) => new Set(media.map((m) => m.file)).size === media.length,
        'lists a file twice',
      ),
    ),
  })

export const authorsSchema = list(
  v.object({
    slug: text(AUTHOR_SLUG_MAX),
    // Imported authors' names are cut at the imported titles' length, longer than the form's.
    name: text(Math.max(AUTHOR_NAME_MAX, TITLE_MAX)),
    bio: text(AUTHOR_BIO_MAX),
  }),
  MAX.authors,
)

export const categoriesSchema = list(
  v.object({
    slug: text(FIELD_MAX.slug),
    name: text(Math.max(FIELD_MAX.categoryName, TITLE_MAX)),
    description: text(MAX.categoryDescription),
  }),
  MAX.categories,
)

export const redirectsSchema = list(
  v.object({ from: redirectSource, to: redirectTarget }),
  MAX.redirects,
)

/** A post's front matter, as the export writes it (src/export/archive.ts `postFile`). */
export const frontMatterSchema = v.object({
  title: text(FIELD_MAX.title),
  slug: text(FIELD_MAX.slug),
  status: v.picklist(POST_STATUSES),
  published_at: timestamp,
  created_at: timestamp,
  updated_at: timestamp,
  author: v.nullish(text(AUTHOR_SLUG_MAX)),
  categories: v.optional(list(text(FIELD_MAX.slug), MAX.categoriesPerPost), []),
  language: v.picklist(LANGUAGES),
  // A curated note's excerpt is its quote, longer than a post's.
  excerpt: v.optional(text(Math.max(FIELD_MAX.excerpt, NOTE_LIMITS.quote)), ''),
  featured_image: v.nullish(text(MAX.mediaKey)),
  featured_image_alt: v.nullish(text(MAX_ALT_LENGTH)),
  kind: v.optional(v.picklist(POST_KINDS), 'post'),
  source_url: v.nullish(text(NOTE_LIMITS.sourceUrl)),
  source_site_name: v.nullish(text(NOTE_LIMITS.siteName)),
  source_published_at: v.nullish(text(NOTE_LIMITS.sourcePublishedAt)),
  revisions: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
})

/** `value` read through `schema`, or the import refused, naming the file, the field and why. */
export function parseArchiveFile<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  file: string,
): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value)
  if (parsed.success) return parsed.output
  const [issue] = parsed.issues
  const where = v.getDotPath(issue)
  throw new ImportFileError(
    `The archive's ${file.slice(0, 120)} is not valid: ${where ? `${where}: ` : ''}${issue.message}`,
  )
}

/** `comments.json`: approved comments, each on a post of the archive named by its slug. */
export const commentsSchema = list(
  v.object({
    id: v.pipe(v.number(), v.integer()),
    post: text(FIELD_MAX.slug),
    parent: v.nullable(v.pipe(v.number(), v.integer())),
    name: text(100),
    url: text(500),
    email: v.optional(text(254)),
    created_at: v.pipe(v.string(), v.isoTimestamp()),
    markdown: text(5_000),
  }),
  1_000_000,
)
