import { MAX_MEDIA_BYTES, mediaUrl, storeMedia, type MediaEnv } from '../../media'
import { byteChunks, readAllBytes } from './chunks'
import { imageSources } from './html-to-markdown'
import type { SourceBlog, SourcePost } from './source'

export type FetchedImages = {
  /** Old image address → this blog's `/media/…` address. */
  local: Map<string, string>
  /** How many were already in the media store (same bytes). */
  reused: number
  failed: { url: string; reason: string }[]
}

/**
 * Gathers the images posts use, in their bodies and as featured images, as the posts stream
 * past; `urls` names them once the export's attachments (featured images by id) are all known.
 */
export function imageCollector() {
  const refs: (string | { thumbnailId: string })[] = []
  const seen = new Set<string>()
  const seenThumbnails = new Set<string>()
  const add = (ref: string) => {
    if (!seen.has(ref)) refs.push(ref)
    seen.add(ref)
  }
  return {
    add(posts: SourcePost[]) {
      for (const post of posts) {
        for (const src of imageSources(post.html ?? '')) add(src)
        if (post.featureImage) add(post.featureImage)
        else if (post.thumbnailId && !seenThumbnails.has(post.thumbnailId)) {
          seenThumbnails.add(post.thumbnailId)
          refs.push({ thumbnailId: post.thumbnailId })
        }
      }
    },
    urls(attachments: SourceBlog['attachments']): string[] {
      const urls = new Set<string>()
      for (const ref of refs) {
        const url = typeof ref === 'string' ? ref : attachments.get(ref.thumbnailId)
        if (url) urls.add(url)
      }
      return [...urls].filter((url) => /^https?:\/\//i.test(url))
    },
  }
}

async function download(url: string, timeoutMs: number): Promise<Uint8Array | string> {
  let response: Response
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' })
  } catch (error) {
    return `unreachable (${error instanceof Error ? error.message : 'network error'})`
  }
  if (!response.ok) return `unreachable (HTTP ${response.status})`
  if (Number(response.headers.get('content-length') ?? 0) > MAX_MEDIA_BYTES)
    return 'larger than the 10 MB the editor accepts'
  const reader = response.body!.getReader()
  const bytes = await readAllBytes(byteChunks(reader), MAX_MEDIA_BYTES)
  if (!bytes) {
    await reader.cancel()
    return 'larger than the 10 MB the editor accepts'
  }
  return bytes
}

/**
 * Downloads each image into the media store, through the same checks as the editor's upload
 * (size, type by content, metadata stripped). What cannot be fetched or stored is listed, and
 * its posts keep a link to where it was.
 */
export async function fetchImages(
  env: MediaEnv,
  urls: string[],
  options: { concurrency?: number; timeoutMs?: number; dryRun?: boolean } = {},
): Promise<FetchedImages> {
  const result: FetchedImages = { local: new Map(), reused: 0, failed: [] }
  const queue = [...urls]
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const bytes = await download(url, options.timeoutMs ?? 15_000)
      if (typeof bytes === 'string') {
        result.failed.push({ url, reason: bytes })
        continue
      }
      if (options.dryRun) {
        result.local.set(url, url)
        continue
      }
      const filename = new URL(url).pathname.split('/').pop()
      const stored = await storeMedia(env, { bytes, createdBy: null, filename })
      if (stored.ok) {
        result.local.set(url, mediaUrl(stored.media))
        if (stored.deduplicated) result.reused++
      } else result.failed.push({ url, reason: stored.message })
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker))
  return result
}
