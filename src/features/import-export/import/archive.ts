import { ARCHIVE_SCHEMA, ARCHIVE_SCHEMA_VERSION } from '../export/archive'
import { splitFrontMatter } from '../export/front-matter'
import { ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits'
import {
  authorsSchema,
  categoriesSchema,
  commentsSchema,
  frontMatterSchema,
  manifestSchema,
  parseArchiveFile,
  redirectsSchema,
} from './archive-schema'
import { ImportFileError, type SourceBlog, type SourceComment } from './source'
import { unzipEntries } from './zip-entries'

export type ArchiveMedia = { key: string; alt: string; bytes: Uint8Array }

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : '')

function parseJson(files: Map<string, Uint8Array>, name: string): unknown {
  try {
    return JSON.parse(text(files.get(name)))
  } catch {
    throw new ImportFileError(`The archive's ${name} is missing or damaged.`)
  }
}

/**
 * This blog's own export archive, read back: posts keep their Markdown and slugs exactly. The zip
 * is unpacked as it streams in, within `limits`, and every file it holds is checked against the
 * export's schemas (archive-schema.ts) before any of it is used: redirects lead only to paths on
 * this site, and no field is longer than the blog keeps.
 */
export async function readArchive(
  chunks: AsyncIterable<Uint8Array>,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<SourceBlog> {
  const files = await unzipEntries(chunks, limits)
  const found = parseJson(files, 'manifest.json') as { schema?: unknown; schemaVersion?: unknown }
  if (found?.schema !== ARCHIVE_SCHEMA)
    throw new ImportFileError('This zip is not an export of this blog (no manifest.json).')
  if (typeof found.schemaVersion === 'number' && found.schemaVersion > ARCHIVE_SCHEMA_VERSION)
    throw new ImportFileError(
      `The archive has schema version ${found.schemaVersion}; this blog reads up to ${ARCHIVE_SCHEMA_VERSION}.`,
    )
  const manifest = parseArchiveFile(manifestSchema(limits), found, 'manifest.json')
  const authors = parseArchiveFile(
    authorsSchema,
    parseJson(files, manifest.authors),
    manifest.authors,
  )
  const categories = parseArchiveFile(
    categoriesSchema,
    parseJson(files, manifest.categories),
    manifest.categories,
  )
  const redirects = parseArchiveFile(
    redirectsSchema,
    parseJson(files, manifest.redirects),
    manifest.redirects,
  )
  const blog: SourceBlog = {
    kind: 'archive',
    baseUrl: '',
    authors: authors.map((a) => ({ sourceId: a.slug, slug: a.slug, name: a.name, bio: a.bio })),
    terms: categories.map((c) => ({
      sourceId: c.slug,
      kind: 'category' as const,
      slug: c.slug,
      name: c.name,
      description: c.description,
    })),
    posts: [],
    attachments: new Map(),
    skipped: [],
    redirects,
  }
  // Checked field by field when written (import/site.ts), by the settings' and menus' own rules.
  const optional = (name: string | undefined) => {
    const value = name === undefined ? undefined : parseJson(files, name)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  }
  blog.site = {
    settings: optional(manifest.settings),
    navigation: optional(manifest.navigation),
  }
  for (const file of [...manifest.posts, ...manifest.pages]) {
    const parsed = splitFrontMatter(text(files.get(file)))
    if (!parsed) throw new ImportFileError(`The archive's ${file} is missing or damaged.`)
    // Each post file is listed once (the manifest schema says so): its bytes are done with.
    files.delete(file)
    const f = parseArchiveFile(frontMatterSchema, parsed.fields, file)
    const slug = f.slug
    blog.posts.push({
      ...(f.kind === 'page' && { kind: 'page' as const }),
      sourceId: `archive:${slug}`,
      title: f.title,
      slug,
      status: f.status,
      publishedAt: f.published_at || null,
      excerpt: f.excerpt,
      markdown: parsed.body,
      language: f.language,
      authorSourceIds: f.author ? [f.author] : [],
      termSlugs: f.categories.map((c) => ({ kind: 'category' as const, slug: c, name: '' })),
      featureImage: f.featured_image || undefined,
      featureImageAlt: f.featured_image_alt ?? '',
      note:
        f.kind === 'note'
          ? {
              url: f.source_url ?? '',
              siteName: f.source_site_name ?? '',
              publishedAt: f.source_published_at ?? '',
            }
          : undefined,
    })
  }
  if (manifest.comments) {
    const archived = parseArchiveFile(
      commentsSchema,
      parseJson(files, manifest.comments),
      manifest.comments,
    )
    const byPost = new Map<string, SourceComment[]>()
    for (const c of archived)
      byPost.set(c.post, [
        ...(byPost.get(c.post) ?? []),
        {
          sourceId: String(c.id),
          parentId: c.parent === null ? null : String(c.parent),
          authorName: c.name,
          authorUrl: c.url,
          email: c.email,
          createdAt: c.created_at,
          markdown: c.markdown,
        },
      ])
    for (const post of blog.posts) if (byPost.has(post.slug)) post.comments = byPost.get(post.slug)
  }
  blog.media = manifest.media.flatMap((m) => {
    const bytes = files.get(m.file)
    return bytes ? [{ key: m.key, alt: m.alt, bytes }] : []
  })
  return blog
}
