import type { Media } from '../../db/schema'

/** An R2 key: the SHA-256 of the stored bytes and the type's extension (media/image-info). */
export const MEDIA_KEY = '[0-9a-f]{64}\\.(?:jpg|png|webp|avif|gif)'

/** The public path of an image: its content hash, so it never changes and caches forever. */
export function mediaUrl(media: Pick<Media, 'key'>): string {
  return `/media/${media.key}`
}
