import { stringChunks, textChunks } from './chunks'
import { parseGhost } from './ghost'
import { ImportFileError, type SourceBlog } from './source'
import { parseWxr } from './wxr'

/** Ghost exports are read whole (JSON has no streaming form); past this they are refused. */
export const GHOST_MAX_BYTES = 200_000_000

/**
 * A WordPress (XML) or Ghost (JSON) export, told apart by its first character. WordPress files
 * are parsed as they stream in.
 */
export async function readExport(stream: ReadableStream<Uint8Array>): Promise<SourceBlog> {
  const chunks = textChunks(stream)[Symbol.asyncIterator]()
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
    if (head.startsWith('<')) return await parseWxr(all())
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

export function readExportText(text: string) {
  return readExport(
    new ReadableStream({
      async start(controller) {
        for await (const chunk of stringChunks(text))
          controller.enqueue(new TextEncoder().encode(chunk))
        controller.close()
      },
    }),
  )
}
