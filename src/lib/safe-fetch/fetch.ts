import { refusalFor, type AddressRefusal } from './address'

export const FETCH_TIMEOUT_MS = 5_000
export const MAX_PAGE_BYTES = 1024 * 1024
export const MAX_REDIRECTS = 3

export type FetchFailure =
  | AddressRefusal
  | 'invalidUrl'
  | 'tooManyRedirects'
  | 'timeout'
  | 'unreachable'
  | 'httpError'
  | 'wrongType'
  | 'tooLarge'

export type FetchedBody = {
  ok: true
  /** The address after redirects, to resolve relative links against. */
  url: URL
  contentType: string
  bytes: Uint8Array
  /** True when the body was longer than the limit and only its start was read. */
  truncated: boolean
}

/** A refusal or failure; an HTTP error carries the status the site answered with. */
export type FetchRefused = { ok: false; reason: FetchFailure; status?: number }

export type SafeFetchOptions = {
  /** `host` or `host:port` exceptions to the address checks, for a machine known to be safe. */
  allowedHosts?: readonly string[]
  /** Which `Content-Type`s are acceptable, e.g. HTML pages or images. */
  accept: (contentType: string) => boolean
  maxBytes?: number
  /** Refuse (rather than truncate) a body above `maxBytes`: a cut image is no image. */
  refuseLarger?: boolean
  timeoutMs?: number
}

export const isHtml = (type: string) => /^(text\/html|application\/xhtml\+xml)\b/i.test(type)
export const isImage = (type: string) => /^image\//i.test(type)

async function readAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number) {
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  if (body) {
    const reader = body.getReader()
    while (size < maxBytes) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
    if (size >= maxBytes) {
      const { done } = size > maxBytes ? { done: false } : await reader.read()
      truncated = !done
      await reader.cancel().catch(() => {})
    }
  }
  const bytes = new Uint8Array(Math.min(size, maxBytes))
  let offset = 0
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.byteLength - offset)
    bytes.set(part, offset)
    offset += part.byteLength
  }
  return { bytes, truncated }
}

/** Why this address would be refused before any request, or null; no connection is made. */
export function refusalForAddress(
  address: string,
  allowedHosts?: readonly string[],
): AddressRefusal | 'invalidUrl' | null {
  try {
    return refusalFor(new URL(address), allowedHosts)
  } catch {
    return 'invalidUrl'
  }
}

/**
 * Fetches a page or an image that someone else named (an editor's link, an imported post's
 * image), without letting that address reach this machine's own network: every hop of a redirect
 * is checked again before it is requested, nothing identifying is sent (no cookie, no
 * credentials, no referrer), and the time and size read are bounded.
 */
export async function safeFetch(
  address: string,
  options: SafeFetchOptions,
): Promise<FetchedBody | FetchRefused> {
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS)
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return { ok: false, reason: 'invalidUrl' }
  }
  try {
    for (let hop = 0; ; hop++) {
      const refusal = refusalFor(url, options.allowedHosts)
      if (refusal) return { ok: false, reason: refusal }
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: {
          Accept: 'text/html,application/xhtml+xml,image/*;q=0.8',
          'User-Agent': 'edge-blog/1',
        },
      })
      const location = response.headers.get('Location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel()
        if (hop >= MAX_REDIRECTS) return { ok: false, reason: 'tooManyRedirects' }
        try {
          url = new URL(location, url)
        } catch {
          return { ok: false, reason: 'invalidUrl' }
        }
        continue
      }
      if (!response.ok) {
        await response.body?.cancel()
        return { ok: false, reason: 'httpError', status: response.status }
      }
      const contentType = response.headers.get('Content-Type') ?? ''
      if (!options.accept(contentType)) {
        await response.body?.cancel()
        return { ok: false, reason: 'wrongType' }
      }
      const declared = Number(response.headers.get('Content-Length'))
      if (options.refuseLarger && declared > maxBytes) {
        await response.body?.cancel()
        return { ok: false, reason: 'tooLarge' }
      }
      const { bytes, truncated } = await readAtMost(response.body, maxBytes)
      if (truncated && options.refuseLarger) return { ok: false, reason: 'tooLarge' }
      return { ok: true, url, contentType, bytes, truncated }
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: 'timeout' }
    console.warn('outbound fetch failed', url.host, error)
    return { ok: false, reason: 'unreachable' }
  }
}
