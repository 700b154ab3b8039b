import { unzipSync } from 'fflate'
import { ARCHIVE_SCHEMA, ARCHIVE_SCHEMA_VERSION, type ArchiveManifest } from '../export/archive'
import { splitFrontMatter } from '../export/front-matter'
import { ImportFileError, type SourceBlog } from './source'

export type ArchiveMedia = { key: string; alt: string; bytes: Uint8Array }

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : '')

function parseJson<T>(files: Record<string, Uint8Array>, name: string): T {
  try {
    return JSON.parse(text(files[name])) as T
  } catch {
    throw new ImportFileError(`The archive's ${name} is missing or damaged.`)
  }
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')

/** This blog's own export archive, read back: posts keep their Markdown and slugs exactly. */
export function readArchive(bytes: Uint8Array): SourceBlog {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    throw new ImportFileError('The zip file is damaged or truncated.')
  }
  const manifest = parseJson<ArchiveManifest>(files, 'manifest.json')
  if (manifest.schema !== ARCHIVE_SCHEMA)
    throw new ImportFileError('This zip is not an export of this blog (no manifest.json).')
  if (manifest.schemaVersion > ARCHIVE_SCHEMA_VERSION)
    throw new ImportFileError(
      `The archive has schema version ${manifest.schemaVersion}; this blog reads up to ${ARCHIVE_SCHEMA_VERSION}.`,
    )
  const authors = parseJson<{ slug: string; name: string; bio: string }[]>(files, manifest.authors)
  const categories = parseJson<{ slug: string; name: string; description: string }[]>(
    files,
    manifest.categories,
  )
  const redirects = parseJson<{ from: string; to: string }[]>(files, manifest.redirects)
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
  const optional = <T>(name: string | undefined) =>
    typeof name === 'string' ? parseJson<T>(files, name) : undefined
  blog.site = {
    settings: optional<Record<string, unknown>>(manifest.settings),
    navigation: optional<Record<string, unknown>>(manifest.navigation),
  }
  const pages = Array.isArray(manifest.pages) ? manifest.pages : []
  for (const file of [...manifest.posts, ...pages]) {
    const parsed = splitFrontMatter(text(files[file]))
    if (!parsed) throw new ImportFileError(`The archive's ${file} is missing or damaged.`)
    const f = parsed.fields
    const slug = str(f.slug)
    blog.posts.push({
      ...(str(f.kind) === 'page' && { kind: 'page' as const }),
      sourceId: `archive:${slug}`,
      title: str(f.title),
      slug,
      status: str(f.status),
      publishedAt: str(f.published_at) || null,
      excerpt: str(f.excerpt),
      markdown: parsed.body,
      language: str(f.language),
      authorSourceIds: f.author ? [str(f.author)] : [],
      termSlugs: (Array.isArray(f.categories) ? f.categories : []).map((c) => ({
        kind: 'category' as const,
        slug: c,
        name: '',
      })),
      featureImage: str(f.featured_image) || undefined,
      featureImageAlt: str(f.featured_image_alt),
      note:
        str(f.kind) === 'note'
          ? {
              url: str(f.source_url),
              siteName: str(f.source_site_name),
              publishedAt: str(f.source_published_at),
            }
          : undefined,
    })
  }
  const media = manifest.media.flatMap((m) =>
    files[m.file] ? [{ key: m.key, alt: m.alt, bytes: files[m.file] }] : [],
  )
  blog.media = media
  return blog
}
