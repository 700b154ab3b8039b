import { readArchive } from './archive'
import { ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits'
import { byteChunks, stringChunks, textChunks } from './chunks'
import { parseGhost } from './ghost'
import { ImportFileError, type SourceBlog } from './source'
import { parseWxr, type PostSink } from './wxr'

/** An archive (the zip itself) past this is refused. */
export const ARCHIVE_MAX_BYTES = 500_000_000

const isZip = (head: Uint8Array) =>
  head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04

async function* bounded(chunks: AsyncIterable<Uint8Array>) {
  let size = 0
  for await (const chunk of chunks) {
    size += chunk.byteLength
    if (size > ARCHIVE_MAX_BYTES) throw new ImportFileError('The archive is too large.')
    yield chunk
  }
}

/** Ghost exports are read whole (JSON has no streaming form); past this they are refused. */
export const GHOST_MAX_BYTES = 200_000_000

/**
 * A WordPress (XML) or Ghost (JSON) export or this blog's own archive (zip), told apart by its
 * first bytes. WordPress files are parsed as they stream in: given `onPosts`, their posts go to it
 * as they are read (see parseWxr) and the blog comes back without them. Ghost exports and
 * archives are read whole by design: their posts always come back in the blog. An archive is
 * unpacked as it streams in, within `archiveLimits`.
 */
export async function readExport(
  stream: ReadableStream<Uint8Array>,
  onPosts?: PostSink,
  archiveLimits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<SourceBlog> {
  const bytes = byteChunks(stream.getReader())[Symbol.asyncIterator]()
  const firstBytes = await bytes.next()
  if (firstBytes.done) throw new ImportFileError('The file is empty.')
  async function* allBytes(): AsyncGenerator<Uint8Array, void> {
    yield firstBytes.value as Uint8Array
    for (let next = await bytes.next(); !next.done; next = await bytes.next())
      yield next.value as Uint8Array
  }
  if (isZip(firstBytes.value)) return readArchive(bounded(allBytes()), archiveLimits)
  const chunks = textChunks(allBytes())[Symbol.asyncIterator]()
  let first = await chunks.next()
  while (!first.done && first.value.trim() === '') first = await chunks.next()
  if (first.done) throw new ImportFileError('The file is empty.')
  const head = first.value.replace(/^\uFEFF/, '').trimStart()
  const rest = { [Symbol.asyncIterator]: () => chunks }
  async function* all() {
    yield head
    yield* rest
  }
  try {
    if (head.startsWith('<')) return await parseWxr(all(), onPosts)
    if (head.startsWith('{')) {
      let text = ''
      for await (const chunk of all()) {
        text += chunk
        if (text.length > GHOST_MAX_BYTES)
          throw new ImportFileError('The Ghost export is too large.')
      }
      return parseGhost(text)
    }
  } catch (error) {
    if (error instanceof TypeError && /decod/i.test(error.message))
      throw new ImportFileError('The file is not UTF-8 text.')
    throw error
  }
  throw new ImportFileError('This is neither a WordPress export (.xml) nor a Ghost export (.json).')
}

export function readExportBytes(bytes: Uint8Array, archiveLimits?: ArchiveLimits) {
  return readExport(
    new ReadableStream({
      start(controller) {
        controller.enqueue(bytes)
        controller.close()
      },
    }),
    undefined,
    archiveLimits,
  )
}

export function readExportText(text: string, onPosts?: PostSink) {
  return readExport(
    new ReadableStream({
      async start(controller) {
        for await (const chunk of stringChunks(text))
          controller.enqueue(new TextEncoder().encode(chunk))
        controller.close()
      },
    }),
    onPosts,
  )
}
