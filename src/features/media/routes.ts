import { Hono } from 'hono'
import * as v from 'valibot'
import { lenientQuery, typedText, validParams } from '../../lib/validation/form'
import { HTTPException } from 'hono/http-exception'
import { matchesEtag } from '../../lib/etag'
import { findResizedCopy, keepResizedCopy } from './resized-cache'
import { RESPONSIVE_WIDTHS } from './responsive-images'
import { MEDIA_KEY } from './url'
import type { AppEnv } from '../../types'

// The name is the content's SHA-256: the bytes behind a URL never change.
const IMMUTABLE = 'public, max-age=31536000, immutable'
const TRANSFORMABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif'])

/**
 * Uploaded images from R2. `?w=` asks for a narrower copy, made by Cloudflare Images when the
 * binding is there (and kept in the Cache API: made once, not on every request); without it (or
 * for another width) the original is served.
 */
export const mediaRoutes = new Hono<AppEnv>().get(
  `/:key{${MEDIA_KEY}}`,
  validParams(v.object({ key: v.string() })),
  lenientQuery(v.object({ w: typedText })),
  async (c) => {
    const key = c.req.valid('param').key
    const requested = Number(c.req.valid('query').w)
    const width =
      c.env.IMAGES && (RESPONSIVE_WIDTHS as readonly number[]).includes(requested)
        ? requested
        : null
    const etag = `"${key.slice(0, 64)}${width ? `-w${width}` : ''}"`
    const headers = new Headers({
      'Cache-Control': IMMUTABLE,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    })
    if (matchesEtag(c.req.header('If-None-Match'), etag)) {
      return new Response(null, { status: 304, headers })
    }
    const origin = new URL(c.req.url).origin
    const resized = width ? await findResizedCopy(origin, key, width) : null
    if (resized) return resized
    const object = await c.env.MEDIA.get(key)
    if (!object) throw new HTTPException(404)
    const contentType = object.httpMetadata?.contentType ?? 'application/octet-stream'
    headers.set('Content-Type', contentType)
    if (width && c.env.IMAGES && TRANSFORMABLE.has(contentType)) {
      const output = await c.env.IMAGES.input(object.body)
        .transform({ width, fit: 'scale-down' })
        .output({ format: contentType as ImageOutputOptions['format'] })
      const response = new Response(output.image(), { headers })
      return keepResizedCopy(c.executionCtx, origin, key, width, response)
    }
    headers.set('Content-Length', String(object.size))
    return new Response(object.body, { headers })
  },
)
