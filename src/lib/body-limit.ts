import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'

/**
 * Refuses a request body over `maxBytes` with a prompt 413, whether it declares its length or
 * arrives chunked: counted while it streams in, and the rest is cancelled rather than left for
 * the client to keep sending into a connection nobody reads.
 */
export const streamingBodyLimit = (maxBytes: number) =>
  createMiddleware(async (c, next) => {
    const body = c.req.raw.body
    if (!body) return next()
    const tooLarge = () => new HTTPException(413, { message: 'Payload Too Large' })
    const declared = Number(c.req.header('Content-Length'))
    if (!c.req.header('Transfer-Encoding') && declared > maxBytes) {
      await body.cancel()
      throw tooLarge()
    }
    const reader = body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        throw tooLarge()
      }
      chunks.push(value)
    }
    const whole = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) whole.set(chunk, (offset += chunk.byteLength) - chunk.byteLength)
    c.req.raw = new Request(c.req.raw, { body: whole })
    return next()
  })
