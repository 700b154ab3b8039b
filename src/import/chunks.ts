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
