import { imageSize } from 'image-size'

export const IMAGE_TYPES = {
  jpg: { contentType: 'image/jpeg', ext: 'jpg' },
  png: { contentType: 'image/png', ext: 'png' },
  webp: { contentType: 'image/webp', ext: 'webp' },
  avif: { contentType: 'image/avif', ext: 'avif' },
  gif: { contentType: 'image/gif', ext: 'gif' },
} as const

export type ImageType = keyof typeof IMAGE_TYPES

export type ImageInfo = {
  type: ImageType
  /** As displayed: a photo turned by its EXIF orientation has its sides swapped. */
  width: number
  height: number
  /** EXIF orientation (1 to 8) of a JPEG, 1 otherwise. */
  orientation: number
}

/**
 * What the bytes are, whatever the file is called: only the five raster formats readers' browsers
 * all draw. SVG (which can carry script), HTML and anything unknown give null.
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  let size: ReturnType<typeof imageSize>
  try {
    size = imageSize(bytes)
  } catch {
    return null
  }
  const type = size.type as ImageType
  if (!Object.hasOwn(IMAGE_TYPES, type) || !(size.width > 0) || !(size.height > 0)) return null
  const orientation = type === 'jpg' && size.orientation ? size.orientation : 1
  const turned = orientation >= 5 && orientation <= 8
  return {
    type,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
    orientation,
  }
}
