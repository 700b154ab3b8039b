import { MAX_MEDIA_BYTES, storeMedia, type MediaEnv, type StoreMediaError } from '../../media'
import { isImage, safeFetch, type FetchFailure } from '../../../lib/safe-fetch'

export type SourceImageFailure = FetchFailure | StoreMediaError['code']

/**
 * Copies a source's image into the media library (same size and metadata rules as an upload),
 * fetched as safely as the page itself, so readers never load it from the source's site.
 */
export async function keepSourceImage(
  env: MediaEnv,
  imageUrl: string,
  options: { allowedHosts: readonly string[]; createdBy: number; alt: string },
): Promise<{ ok: true; mediaId: number } | { ok: false; reason: SourceImageFailure }> {
  const image = await safeFetch(imageUrl, {
    allowedHosts: options.allowedHosts,
    accept: isImage,
    maxBytes: MAX_MEDIA_BYTES,
    refuseLarger: true,
  })
  if (!image.ok) return image
  const stored = await storeMedia(env, {
    bytes: image.bytes,
    createdBy: options.createdBy,
    alt: options.alt,
    filename: new URL(image.url).pathname.split('/').pop(),
  })
  return stored.ok ? { ok: true, mediaId: stored.media.id } : { ok: false, reason: stored.code }
}
