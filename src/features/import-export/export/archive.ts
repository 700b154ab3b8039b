import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import type { Db } from '../../../db/client'
import {
  allAuthors,
  allCategories,
  allMedia,
  allRedirects,
  postsForExport,
  type ExportedPost,
} from './queries'
import { withFrontMatter } from './front-matter'
import { commentsForArchive } from './comments'
import { menusForArchive } from '../../navigation'
import { settingsForArchive, type SiteSettings } from '../../settings'

export const ARCHIVE_SCHEMA = 'edge-blog-export'
/** 2 added pages (`pages/`), the settings and the menus; version 1 archives are still read. */
export const ARCHIVE_SCHEMA_VERSION = 2
const PAGE = 200

export type ArchiveManifest = {
  schema: typeof ARCHIVE_SCHEMA
  schemaVersion: number
  exportedAt: string
  site: string
  posts: string[]
  /** Since version 2, as are `settings` and `navigation`. */
  pages?: string[]
  settings?: string
  navigation?: string
  /** Readers' approved comments (read when present, whatever the version). */
  comments?: string
  authors: string
  categories: string
  redirects: string
  media: { file: string; key: string; alt: string; contentType: string }[]
}

const iso = (date: Date | null) => (date ? date.toISOString() : null)

export function postFile(post: ExportedPost) {
  return withFrontMatter(
    {
      title: post.title,
      slug: post.slug,
      status: post.status,
      published_at: iso(post.publishedAt),
      created_at: iso(post.createdAt),
      updated_at: iso(post.updatedAt),
      author: post.author,
      categories: post.categories,
      language: post.language,
      excerpt: post.excerpt,
      featured_image: post.featuredImage ? `/media/${post.featuredImage}` : null,
      featured_image_alt: post.featuredImageAlt,
      kind: post.kind,
      // A curated note's source; absent for an ordinary post.
      ...(post.kind === 'note' && {
        source_url: post.sourceUrl,
        source_site_name: post.sourceSiteName,
        source_published_at: post.sourcePublishedAt,
      }),
      revisions: post.revisions,
    },
    post.markdown,
  )
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`)

/**
 * The whole blog as one zip, streamed: every post and page as Markdown with front matter,
 * authors, categories, old-address redirects, the site's settings and menus, image files and a
 * manifest with a schema version. Editors' accounts, sessions and audience figures are not part
 * of it.
 */
export function exportArchive(
  env: { db: Db; bucket: R2Bucket },
  settings: SiteSettings,
  now = new Date(),
  { commentEmails = false } = {},
): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>()
  const writer = writable.getWriter()
  const pending: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) failure = error
    else pending.push(chunk)
  })
  const flush = async () => {
    if (failure) throw failure
    for (let chunk = pending.shift(); chunk; chunk = pending.shift()) await writer.write(chunk)
  }
  const add = async (name: string, bytes: Uint8Array, compress = true) => {
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name)
    zip.add(entry)
    entry.push(bytes, true)
    await flush()
  }

  const run = async () => {
    const { db, bucket } = env
    const postFiles: string[] = []
    const pageFiles: string[] = []
    for (let afterId = 0; ;) {
      const page = await postsForExport(db, afterId, PAGE)
      for (const post of page) {
        const isPage = post.kind === 'page'
        const file = `${isPage ? 'pages' : 'posts'}/${post.slug}.md`
        ;(isPage ? pageFiles : postFiles).push(file)
        await add(file, new TextEncoder().encode(postFile(post)))
      }
      if (page.length < PAGE) break
      afterId = page[page.length - 1].id
    }
    await add('authors.json', json(await allAuthors(db)))
    await add('categories.json', json(await allCategories(db)))
    await add('redirects.json', json(await allRedirects(db)))
    await add('settings.json', json(settingsForArchive(settings)))
    await add('navigation.json', json(await menusForArchive(db)))
    await add('comments.json', json(await commentsForArchive(db, { withEmails: commentEmails })))
    const media: ArchiveManifest['media'] = []
    for (const item of await allMedia(db)) {
      const object = await bucket.get(item.key)
      if (!object) continue
      const file = `media/${item.key}`
      media.push({ file, ...item })
      await add(file, new Uint8Array(await object.arrayBuffer()), false)
    }
    const manifest: ArchiveManifest = {
      schema: ARCHIVE_SCHEMA,
      schemaVersion: ARCHIVE_SCHEMA_VERSION,
      exportedAt: now.toISOString(),
      site: settings.name,
      posts: postFiles,
      pages: pageFiles,
      settings: 'settings.json',
      navigation: 'navigation.json',
      comments: 'comments.json',
      authors: 'authors.json',
      categories: 'categories.json',
      redirects: 'redirects.json',
      media,
    }
    await add('manifest.json', json(manifest))
    zip.end()
    await flush()
    await writer.close()
  }
  run().catch((error) => writer.abort(error))
  return readable
}
