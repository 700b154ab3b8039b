import { env, exports } from 'cloudflare:workers'
import { afterEach, describe, expect, it } from 'vitest'
import {
  authors,
  categories,
  importedItems,
  media,
  posts,
  redirects,
} from '../../../../src/db/schema'
import {
  ARCHIVE_LIMITS,
  type ArchiveLimits,
} from '../../../../src/features/import-export/import/archive-limits'
import { byteChunks } from '../../../../src/features/import-export/import/chunks'
import { readExport } from '../../../../src/features/import-export/import/read'
import { d1RedirectWriter } from '../../../../src/features/import-export/import/redirects'
import {
  importSurveyed,
  surveyExport,
  type ExportReader,
} from '../../../../src/features/import-export/import/run'
import { ImportFileError } from '../../../../src/features/import-export/import/source'
import { unzipEntries } from '../../../../src/features/import-export/import/zip-entries'
import { FIELD_MAX } from '../../../../src/lib/validation/limits'
import { db } from '../../../fixtures'
import {
  archiveFiles,
  countedStream,
  lyingAboutFirstSize,
  sizedZip,
  streamedZip,
  type ArchiveChange,
  type ZipFile,
} from './archive-zip'
import { expectRedirects, rowCounts } from './helpers'

const MB = 1024 * 1024
const CHUNK = 256

/** Imports a zip as the command line does (read through, then again); `read` counts bytes read. */
async function importZip(bytes: Uint8Array, limits?: ArchiveLimits, read = { bytes: 0 }) {
  const reader: ExportReader = (onPosts) => {
    const counted = countedStream(bytes, CHUNK)
    return readExport(counted.stream, onPosts, limits).finally(() => {
      read.bytes = Math.max(read.bytes, counted.read.bytes)
    })
  }
  return importSurveyed(db, reader, await surveyExport(reader), {
    dryRun: false,
    redirects: d1RedirectWriter(db),
    mediaEnv: { db, bucket: env.MEDIA },
  })
}

/** The refusal's message and the bytes read before it; nothing at all was written. */
async function refusal(bytes: Uint8Array, limits?: ArchiveLimits) {
  const read = { bytes: 0 }
  const error = await importZip(bytes, limits, read).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ImportFileError)
  expect(await rowCounts()).toEqual({ posts: 0, authors: 0, categories: 0, redirects: 0 })
  return { message: (error as Error).message, read }
}

const archive = (change?: ArchiveChange) => streamedZip(archiveFiles(change))

/** What a reader gets at `path`: never a redirect, never a server error. */
async function expectNoRedirect(path: string) {
  const response = await exports.default.fetch(`https://blog.example${path}`, {
    redirect: 'manual',
  })
  await response.arrayBuffer()
  expect(response.headers.get('Location'), path).toBeNull()
  expect(response.status, path).not.toBe(301)
  expect(response.status, path).toBeLessThan(500)
}

afterEach(async () => {
  await db.delete(redirects)
  await db.delete(importedItems)
  await db.delete(posts)
  await db.delete(media)
  await db.delete(categories)
  await db.delete(authors)
})

const HOSTILE_REDIRECTS: [from: string, to: string][] = [
  ['/old-evil-1', 'https://evil.example/'],
  ['/old-evil-2', '//evil.example'],
  ['/old-evil-3', '/\\evil.example'],
  ['/old-evil-4', 'javascript:alert(1)'],
  ['/?p=666', 'https://evil.example/'],
  ['/old-evil-5', '/\t/evil.example'],
  ['/old-evil-6', '/posts/hello\r\nSet-Cookie: session=stolen'],
]

describe('an archive whose redirects lead off the site', () => {
  it('is read when clean, in either zip layout, and its old address redirects', async () => {
    for (const zip of [streamedZip, sizedZip]) {
      const report = await importZip(zip(archiveFiles()))
      expect(report.counts.posts.created + report.counts.posts.unchanged).toBe(1)
    }
    await expectRedirects([['/old-hello', '/posts/hello']])
  })

  it('keeps a target in another script, as slugs may be, and sends it percent-encoded', async () => {
    const report = await importZip(
      archive({ redirects: [{ from: '/ancien-café', to: '/posts/café-crème' }] }),
    )
    expect(report.counts.posts.created).toBe(1)
    await expectRedirects([
      [`/${encodeURIComponent('ancien-café')}`, `/posts/${encodeURIComponent('café-crème')}`],
    ])
  })

  it.each(HOSTILE_REDIRECTS)(
    'is refused for %j → %j, naming the file and the target',
    async (from, to) => {
      const { message } = await refusal(
        archive({
          redirects: [
            { from: '/ok', to: '/posts/hello' },
            { from, to },
          ],
        }),
      )
      expect(message).toContain(
        "The archive's redirects.json is not valid: 1.to: not a path on this site",
      )
      expect(message).toContain(JSON.stringify(to))
    },
  )

  it.each([['//evil.example'], ['/a\r\nb'], ['https://evil.example/x'], ['/a\\b']])(
    'is refused for an old address %j that is not a path here',
    async (from) => {
      const { message } = await refusal(archive({ redirects: [{ from, to: '/posts/hello' }] }))
      expect(message).toContain('redirects.json is not valid: 0.from: not a path on this site')
    },
  )

  it('never answers such a target already stored, even for a CR-LF one', async () => {
    await db
      .insert(redirects)
      .values(HOSTILE_REDIRECTS.map(([fromPath, toPath]) => ({ fromPath, toPath })))
    for (const [from] of HOSTILE_REDIRECTS) await expectNoRedirect(from)
    // Old addresses with a trailing slash still go to the address without it, and nowhere else.
    const slashed = await exports.default.fetch('https://blog.example/old-evil-1/', {
      redirect: 'manual',
    })
    expect(slashed.headers.get('Location')).toBe('/old-evil-1')
  })
})

describe('an archive with fields longer or other than the blog keeps', () => {
  it.each<[string, ArchiveChange, RegExp]>([
    [
      'a long title',
      { post: { title: 'x'.repeat(FIELD_MAX.title + 1) } },
      /posts\/hello\.md is not valid: title: /,
    ],
    [
      'a long excerpt',
      { post: { excerpt: 'x'.repeat(2_001) } },
      /posts\/hello\.md is not valid: excerpt: /,
    ],
    ['an unknown status', { post: { status: 'trash' } }, /posts\/hello\.md is not valid: status: /],
    [
      'a date that is none',
      { post: { published_at: 'yesterday' } },
      /posts\/hello\.md is not valid: published_at: /,
    ],
    [
      'a long slug',
      { post: { slug: 'a'.repeat(FIELD_MAX.slug + 1) } },
      /posts\/hello\.md is not valid: slug: /,
    ],
    [
      'too many categories',
      { post: { categories: Array.from({ length: 501 }, (_, n) => `c${n}`) } },
      /posts\/hello\.md is not valid: categories: /,
    ],
    [
      'a category that is not a name',
      { post: { categories: [['nested']] as unknown as string[] } },
      /posts\/hello\.md is not valid: categories\.0: /,
    ],
    [
      'a long author name',
      { authors: [{ slug: 'claire', name: 'x'.repeat(201), bio: '' }] },
      /authors\.json is not valid: 0\.name: /,
    ],
    [
      'a long category description',
      { categories: [{ slug: 'essais', name: 'Essais', description: 'x'.repeat(10_001) }] },
      /categories\.json is not valid: 0\.description: /,
    ],
    [
      'a long old address',
      { redirects: [{ from: `/${'x'.repeat(1_000)}`, to: '/posts/hello' }] },
      /redirects\.json is not valid: 0\.from: /,
    ],
    [
      'a long site name',
      { manifest: { site: 'x'.repeat(201) } },
      /manifest\.json is not valid: site: /,
    ],
    [
      'a post file listed twice',
      { manifest: { posts: ['posts/hello.md', 'posts/hello.md'] } },
      /manifest\.json is not valid: posts: lists a file twice/,
    ],
    ['authors that are no list', { authors: { slug: 'claire' } }, /authors\.json is not valid: /],
  ])('is refused for %s, naming the file and the field', async (_, change, expected) => {
    expect((await refusal(archive(change))).message).toMatch(expected)
  })
})

/** `count` empty files, each named in full so the zip tool cannot fold them together. */
const emptyFiles = (count: number): ZipFile[] =>
  Array.from({ length: count }, (_, n) => [`media/empty-${n}`, new Uint8Array(0), 'store'])

const small: ArchiveLimits = { entries: 100, entryBytes: 1 * MB, totalBytes: 2 * MB }

describe('an archive that unpacks to far more than it weighs', () => {
  it('is refused past the number of files a blog can have, before the rest is read', async () => {
    const bytes = sizedZip([...emptyFiles(ARCHIVE_LIMITS.entries + 1), ...archiveFiles()])
    const { message, read } = await refusal(bytes)
    const most = ARCHIVE_LIMITS.entries.toLocaleString('en')
    expect(message).toBe(`The archive holds more than ${most} files.`)
    expect(read.bytes).toBeLessThan(bytes.length)
  })

  it('is refused for a file whose header declares more than one file may hold, unread', async () => {
    const bytes = sizedZip([['media/zeros.bin', new Uint8Array(2 * MB)], ...archiveFiles()])
    const { message, read } = await refusal(bytes, small)
    expect(message).toBe("The archive's media/zeros.bin is larger than 1 MB.")
    expect(read.bytes).toBeLessThan(bytes.length / 2)
  })

  it('is refused as a streamed file of zeros passes the limit, before it is all inflated', async () => {
    const bytes = streamedZip([['media/zeros.bin', new Uint8Array(8 * MB)], ...archiveFiles()])
    const { message, read } = await refusal(bytes, small)
    expect(message).toBe("The archive's media/zeros.bin is larger than 1 MB.")
    // 8 MB of zeros deflate to ~8 kB: the reader stopped well inside them.
    expect(read.bytes).toBeLessThan(bytes.length / 2)
  })

  it('is refused when its files together pass the total', async () => {
    const zeros = (n: number): ZipFile => [`media/zeros-${n}.bin`, new Uint8Array(800 * 1024)]
    const { message } = await refusal(
      streamedZip([zeros(1), zeros(2), zeros(3), ...archiveFiles()]),
      small,
    )
    expect(message).toBe('The archive unpacks to more than 2 MB.')
  })

  it('is refused when a file holds more than its header declares', async () => {
    const honest = sizedZip([['media/junk.bin', new Uint8Array(4 * MB)], ...archiveFiles()])
    const bytes = lyingAboutFirstSize(honest, 100)
    const { message, read } = await refusal(bytes)
    expect(message).toBe("The archive's media/junk.bin holds more than the 100 bytes it declares.")
    expect(read.bytes).toBeLessThan(bytes.length / 2)
  })
})

describe('reading a zip as it streams in', () => {
  it('ends a stored file at its own data descriptor, not at the first one its bytes spell', async () => {
    const image = new Uint8Array(5_000).map((_, n) => (n * 7) % 251)
    // `PK\x07\x08` (fflate's `Unzip` stops there), then one with the sizes a descriptor for the
    // first 2,000 bytes would give.
    image.set([0x50, 0x4b, 0x07, 0x08], 500)
    image.set([0x50, 0x4b, 0x07, 0x08, 0, 0, 0, 0, 0xd0, 7, 0, 0, 0xd0, 7, 0, 0], 2_000)
    const text = new TextEncoder().encode('PK\x07\x08 in a post '.repeat(2_000))
    const bytes = streamedZip([
      ['media/a.png', image, 'store'],
      ['posts/a.md', text],
    ])
    for (const size of [1, 7, 16, 4_096]) {
      const chunks = byteChunks(countedStream(bytes, size).stream.getReader())
      const files = await unzipEntries(chunks, ARCHIVE_LIMITS)
      expect(files.get('media/a.png'), `chunks of ${size}`).toEqual(image)
      expect(files.get('posts/a.md'), `chunks of ${size}`).toEqual(text)
    }
  })
})
