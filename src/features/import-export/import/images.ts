import { MAX_MEDIA_BYTES, mediaUrl, storeMedia, type MediaEnv } from '../../media'
import {
  isImage,
  MAX_REDIRECTS,
  refusalForAddress,
  safeFetch,
  type FetchFailure,
  type FetchRefused,
} from '../../../lib/safe-fetch'
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

const FAILURE_TEXT: Record<FetchFailure, string> = {
  invalidUrl: 'refused: not a valid address',
  scheme: 'refused: not an http or https address',
  credentials: 'refused: the address carries a user name or password',
  port: 'refused: a port other than 80 or 443',
  privateAddress: 'refused: a private, loopback or link-local address',
  privateName: 'refused: a local or internal name',
  tooManyRedirects: `unreachable (more than ${MAX_REDIRECTS} redirects)`,
  timeout: 'unreachable (timed out)',
  unreachable: 'unreachable (network error)',
  httpError: 'unreachable (HTTP error)',
  wrongType: 'not an image',
  tooLarge: 'larger than the 10 MB the editor accepts',
}

const failureText = ({ reason, status }: FetchRefused) =>
  reason === 'httpError' && status ? `unreachable (HTTP ${status})` : FAILURE_TEXT[reason]

export type ImageFetchOptions = {
  concurrency?: number
  timeoutMs?: number
  /** Nothing is downloaded: the addresses are only checked, and the others counted. */
  dryRun?: boolean
  /** `host[:port]` exceptions to the address checks, e.g. an old site on this network. */
  allowedHosts?: readonly string[]
}

/**
 * Downloads each image into the media store through the outbound fetcher (no private or local
 * address, at any redirect; image types only; the upload's size limit), then the same checks as
 * the editor's upload (type by content, metadata stripped). What cannot be fetched or stored is
 * listed, and its posts keep a link to where it was.
 */
export async function fetchImages(
  env: MediaEnv,
  urls: string[],
  options: ImageFetchOptions = {},
): Promise<FetchedImages> {
  const result: FetchedImages = { local: new Map(), reused: 0, failed: [] }
  const queue = [...urls]
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      if (options.dryRun) {
        const refusal = refusalForAddress(url, options.allowedHosts)
        if (refusal) result.failed.push({ url, reason: FAILURE_TEXT[refusal] })
        else result.local.set(url, url)
        continue
      }
      const image = await safeFetch(url, {
        allowedHosts: options.allowedHosts,
        accept: isImage,
        maxBytes: MAX_MEDIA_BYTES,
        refuseLarger: true,
        timeoutMs: options.timeoutMs ?? 15_000,
      })
      if (!image.ok) {
        result.failed.push({ url, reason: failureText(image) })
        continue
      }
      const filename = new URL(url).pathname.split('/').pop()
      const stored = await storeMedia(env, { bytes: image.bytes, createdBy: null, filename })
      if (stored.ok) {
        result.local.set(url, mediaUrl(stored.media))
        if (stored.deduplicated) result.reused++
      } else result.failed.push({ url, reason: stored.message })
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker))
  return result
}
