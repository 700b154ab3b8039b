import type { Db } from '../../db/client'
import { insertMedia } from './queries'
import type { Media } from '../../db/schema'
import { bytesToHex } from '../../lib/encoding'
import { IMAGE_TYPES, readImageInfo, type ImageInfo, type ImageType } from './image-info'
import { stripGifMetadata } from './strip-gif-metadata'
import { MetadataNotRemovable, stripHeifMetadata } from './strip-heif-metadata'
import { MalformedImage, stripMetadata } from './strip-metadata'

export const MAX_MEDIA_BYTES = 10 * 1024 * 1024
export const MAX_MEDIA_SIDE = 8000
export const MAX_ALT_LENGTH = 500

export type MediaEnv = { db: Db; bucket: R2Bucket; images?: ImagesBinding }

export type StoreMediaInput = {
  bytes: Uint8Array
  createdBy: number | null
  alt?: string
  filename?: string
}

export type StoreMediaError = {
  ok: false
  status: 413 | 415 | 422
  code: 'tooLarge' | 'unsupportedType' | 'tooManyPixels' | 'malformed' | 'metadataKept' | 'empty'
  message: string
}

export type StoreMediaResult = { ok: true; media: Media; deduplicated: boolean } | StoreMediaError

const MESSAGES: Record<StoreMediaError['code'], string> = {
  empty: 'The file is empty.',
  tooLarge: 'Images may be at most 10 MB.',
  unsupportedType: 'Only JPEG, PNG, WebP, AVIF and GIF images can be uploaded.',
  tooManyPixels: 'Images may be at most 8,000 pixels on each side.',
  malformed: 'This image file is damaged and cannot be read.',
  metadataKept:
    'This image carries camera or location details that cannot be removed from it. Export it again without them, or as JPEG, and upload that.',
}

function refuse(status: StoreMediaError['status'], code: StoreMediaError['code']): StoreMediaError {
  return { ok: false, status, code, message: MESSAGES[code] }
}

export { mediaUrl } from './url'

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
}

function withoutMetadata(
  type: ImageType,
  bytes: Uint8Array,
  orientation: number,
): Uint8Array<ArrayBuffer> {
  if (type === 'avif') return stripHeifMetadata(bytes)
  if (type === 'gif') return stripGifMetadata(bytes)
  return stripMetadata(type, bytes, orientation)
}

/**
 * An upload checked by its bytes and without its metadata (location, camera, XMP), or why it is
 * refused. Nothing is stored: storeMedia does that with what this accepts.
 */
export function cleanUpload(
  bytes: Uint8Array,
): { ok: true; info: ImageInfo; clean: Uint8Array<ArrayBuffer> } | StoreMediaError {
  if (bytes.byteLength === 0) return refuse(422, 'empty')
  if (bytes.byteLength > MAX_MEDIA_BYTES) return refuse(413, 'tooLarge')
  const info = readImageInfo(bytes)
  if (!info) return refuse(415, 'unsupportedType')
  if (info.width > MAX_MEDIA_SIDE || info.height > MAX_MEDIA_SIDE) {
    return refuse(422, 'tooManyPixels')
  }
  try {
    return { ok: true, info, clean: withoutMetadata(info.type, bytes, info.orientation) }
  } catch (error) {
    if (error instanceof MalformedImage) return refuse(422, 'malformed')
    if (error instanceof MetadataNotRemovable) return refuse(422, 'metadataKept')
    throw error
  }
}

/**
 * Checks an upload by its bytes, removes location and camera metadata, and stores it in R2 under
 * its SHA-256 (of the stripped bytes) with a D1 record. The same picture uploaded twice is stored
 * once. The file name is never trusted: a PNG called .jpg is a PNG, an HTML page called .png is
 * refused.
 */
export async function storeMedia(env: MediaEnv, input: StoreMediaInput): Promise<StoreMediaResult> {
  const checked = cleanUpload(input.bytes)
  if (!checked.ok) return checked
  const { info, clean } = checked
  const { contentType, ext } = IMAGE_TYPES[info.type]
  const hash = await sha256Hex(clean)
  const key = `${hash}.${ext}`
  // R2 first: a record never points at a missing object; a put of the same bytes is harmless.
  if (!(await env.bucket.head(key))) {
    await env.bucket.put(key, clean, {
      httpMetadata: { contentType },
      sha256: hash,
    })
  }
  const stored = await insertMedia(env.db, {
    key,
    hash,
    contentType,
    bytes: clean.byteLength,
    width: info.width,
    height: info.height,
    alt: (input.alt ?? '').trim().slice(0, MAX_ALT_LENGTH),
    createdBy: input.createdBy,
  })
  return { ok: true, ...stored }
}
