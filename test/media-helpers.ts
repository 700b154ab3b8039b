import { env } from 'cloudflare:workers'
import { storeMedia } from '../src/features/media/store'
import { db } from './fixtures'

export function fromBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
}

export const mediaEnv = () => ({ db, bucket: env.MEDIA })

/** Stores a sample image and returns its record; fails the test if it was refused. */
export async function storeSample(base64: string, alt = 'A sample') {
  const result = await storeMedia(mediaEnv(), { bytes: fromBase64(base64), createdBy: null, alt })
  if (!result.ok) throw new Error(`sample refused: ${result.code}`)
  return result.media
}

export function includesBytes(haystack: Uint8Array, text: string): boolean {
  const needle = new TextEncoder().encode(text)
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/** A PNG header claiming the given size: enough for the size check, which reads only IHDR. */
export function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  const view = new DataView(bytes.buffer)
  view.setUint32(16, width)
  view.setUint32(20, height)
  bytes.set([8, 2, 0, 0, 0], 24)
  return bytes
}
