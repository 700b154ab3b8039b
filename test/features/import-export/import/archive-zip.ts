import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync, type Zippable } from 'fflate'
import {
  withFrontMatter,
  type FrontMatter,
} from '../../../../src/features/import-export/export/front-matter'

/** A file to zip; `store` keeps it as it is, as the export does with images. */
export type ZipFile = [name: string, bytes: Uint8Array, how?: 'deflate' | 'store']

function joined(parts: Uint8Array[]) {
  const all = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    all.set(part, offset)
    offset += part.byteLength
  }
  return all
}

/** As the export writes a zip: streamed, each file's sizes in a data descriptor after it. */
export function streamedZip(files: ZipFile[]): Uint8Array {
  const parts: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    parts.push(chunk)
  })
  for (const [name, bytes, how] of files) {
    const entry = how === 'store' ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 1 })
    zip.add(entry)
    entry.push(bytes, true)
  }
  zip.end()
  return joined(parts)
}

/** As most zip tools write one: each file's sizes in its header, before its data. */
export function sizedZip(files: ZipFile[]): Uint8Array {
  const tree: Zippable = {}
  for (const [name, bytes, how] of files) tree[name] = [bytes, { level: how === 'store' ? 0 : 1 }]
  return zipSync(tree)
}

const json = (value: unknown) => strToU8(JSON.stringify(value))

export type ArchiveChange = {
  manifest?: Record<string, unknown>
  post?: FrontMatter
  authors?: unknown
  categories?: unknown
  redirects?: unknown
}

/** A small, valid export of this blog (one post, its author, category and old address), changed. */
export function archiveFiles(change: ArchiveChange = {}): ZipFile[] {
  const post = withFrontMatter(
    {
      title: 'Hello',
      slug: 'hello',
      status: 'published',
      published_at: '2024-01-15T09:00:00.000Z',
      created_at: '2024-01-15T09:00:00.000Z',
      updated_at: '2024-01-15T09:00:00.000Z',
      author: 'claire',
      categories: ['essais'],
      language: 'en',
      excerpt: 'A first post.',
      featured_image: null,
      featured_image_alt: '',
      kind: 'post',
      revisions: 1,
      ...change.post,
    },
    'Hello, *world*.\n',
  )
  return [
    ['posts/hello.md', strToU8(post)],
    ['authors.json', json(change.authors ?? [{ slug: 'claire', name: 'Claire', bio: '' }])],
    [
      'categories.json',
      json(change.categories ?? [{ slug: 'essais', name: 'Essais', description: '' }]),
    ],
    ['redirects.json', json(change.redirects ?? [{ from: '/old-hello', to: '/posts/hello' }])],
    [
      'manifest.json',
      json({
        schema: 'edge-blog-export',
        schemaVersion: 1,
        exportedAt: '2024-02-01T00:00:00.000Z',
        site: 'Test blog',
        posts: ['posts/hello.md'],
        authors: 'authors.json',
        categories: 'categories.json',
        redirects: 'redirects.json',
        media: [],
        ...change.manifest,
      }),
    ],
  ]
}

/** A stream of `bytes` that hands out `chunkSize` bytes per read and counts what was read. */
export function countedStream(bytes: Uint8Array, chunkSize: number) {
  const read = { bytes: 0 }
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (read.bytes >= bytes.length) return controller.close()
        const chunk = bytes.slice(read.bytes, read.bytes + chunkSize)
        read.bytes += chunk.length
        controller.enqueue(chunk)
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, read }
}

/** The zip (from `sizedZip`, no comment) with its first file declaring `size` unpacked bytes. */
export function lyingAboutFirstSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice()
  const view = new DataView(copy.buffer)
  // In the first local header, and in the central directory, whose start the zip's last 22 bytes give.
  view.setUint32(22, size, true)
  view.setUint32(view.getUint32(copy.length - 22 + 16, true) + 24, size, true)
  return copy
}
