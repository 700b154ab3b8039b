/** A byte stream as text chunks, decoded as UTF-8 without ever holding the whole file. */
export async function* textChunks(bytes: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  for await (const value of bytes) yield decoder.decode(value, { stream: true })
  const rest = decoder.decode()
  if (rest) yield rest
}

export async function* stringChunks(text: string, size = 65_536): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
}

/** The chunks of a byte stream, as an async iterable (workerd's streams are not iterable). */
export async function* byteChunks(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): AsyncGenerator<Uint8Array, void> {
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    if (value.byteLength) yield value
  }
}

/** All the bytes of a stream in one array, or null past `maxBytes` (the stream is then left). */
export async function readAllBytes(chunks: AsyncIterable<Uint8Array>, maxBytes: number) {
  const parts: Uint8Array[] = []
  let size = 0
  for await (const chunk of chunks) {
    size += chunk.byteLength
    if (size > maxBytes) return null
    parts.push(chunk)
  }
  const all = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    all.set(part, offset)
    offset += part.byteLength
  }
  return all
}
