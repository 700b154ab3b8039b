/**
 * Removes what a camera or a phone writes about where and with what a picture was taken (EXIF
 * with GPS and maker notes, XMP, IPTC, text chunks) by dropping whole segments of the file: the
 * pixels are copied byte for byte, never decoded or re-encoded. Only what a browser needs to
 * draw the image stays (colour profile, transparency, animation, orientation).
 */

export type StrippableType = 'jpg' | 'png' | 'webp'

export function stripMetadata(
  type: StrippableType,
  bytes: Uint8Array,
  orientation = 1,
): Uint8Array<ArrayBuffer> {
  if (type === 'jpg') return stripJpeg(bytes, orientation)
  if (type === 'png') return stripPng(bytes)
  return stripWebp(bytes)
}

class Output {
  private parts: Uint8Array[] = []
  push(part: Uint8Array) {
    this.parts.push(part)
  }
  bytes(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.parts.reduce((sum, part) => sum + part.length, 0))
    let at = 0
    for (const part of this.parts) {
      out.set(part, at)
      at += part.length
    }
    return out
  }
}

class MalformedImage extends Error {}
export { MalformedImage }

function need(bytes: Uint8Array, end: number) {
  if (end > bytes.length) throw new MalformedImage('truncated image')
}

// JPEG markers kept before the image data: JFIF (APP0 "JFIF", not the JFXX thumbnail, which may be
// a whole JPEG with its own EXIF), ICC profile (APP2 "ICC_PROFILE") and Adobe (APP14 "Adobe",
// which says how to read CMYK). Everything else APPn and COM goes.
const APP0 = 0xe0
const APP2 = 0xe2
const APP14 = 0xee
const SOS = 0xda
const EOI = 0xd9
const ICC_PROFILE = 'ICC_PROFILE\0'
const JFIF = 'JFIF\0'
const ADOBE = 'Adobe'

function ascii(bytes: Uint8Array, start: number, length: number) {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

/** A minimal EXIF block holding only the orientation, so a phone photo still stands upright. */
function orientationExif(orientation: number): Uint8Array {
  // prettier-ignore
  return new Uint8Array([
    0xff, 0xe1, 0x00, 0x22, // APP1, length 34
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ])
}

function stripJpeg(bytes: Uint8Array, orientation: number): Uint8Array<ArrayBuffer> {
  const out = new Output()
  out.push(bytes.subarray(0, 2))
  let at = 2
  let orientationWritten = orientation === 1
  while (at < bytes.length) {
    need(bytes, at + 2)
    if (bytes[at] !== 0xff) throw new MalformedImage('JPEG marker expected')
    const marker = bytes[at + 1]
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === EOI) {
      out.push(bytes.subarray(at, at + 2))
      return out.bytes() // anything after the end (appended previews carrying EXIF) is dropped
    }
    need(bytes, at + 4)
    const end = at + 2 + ((bytes[at + 2] << 8) | bytes[at + 3])
    need(bytes, end)
    const isApp = marker >= 0xe0 && marker <= 0xef
    const startsWith = (name: string) =>
      end - (at + 4) >= name.length && ascii(bytes, at + 4, name.length) === name
    const keep =
      !isApp ||
      (marker === APP0 && startsWith(JFIF)) ||
      (marker === APP14 && startsWith(ADOBE)) ||
      (marker === APP2 && startsWith(ICC_PROFILE))
    if (!orientationWritten && marker !== APP0) {
      out.push(orientationExif(orientation))
      orientationWritten = true
    }
    if (keep && marker !== 0xfe) out.push(bytes.subarray(at, end))
    at = end
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      let scan = at
      while (scan + 1 < bytes.length) {
        if (bytes[scan] === 0xff) {
          const next = bytes[scan + 1]
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break
        }
        scan++
      }
      out.push(bytes.subarray(at, scan))
      at = scan
    }
  }
  throw new MalformedImage('JPEG without an end')
}

// PNG chunks a browser uses to draw the image; text, EXIF, time and private chunks go.
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'bKGD',
  'pHYs',
  'cICP',
  'acTL',
  'fcTL',
  'fdAT',
])

function stripPng(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Output()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  out.push(bytes.subarray(0, 8))
  let at = 8
  while (at < bytes.length) {
    need(bytes, at + 8)
    const type = ascii(bytes, at + 4, 4)
    const end = at + 12 + view.getUint32(at)
    need(bytes, end)
    if (PNG_KEPT.has(type)) out.push(bytes.subarray(at, end))
    at = end
    if (type === 'IEND') return out.bytes()
  }
  throw new MalformedImage('PNG without an end')
}

// WebP chunks kept: the image itself, alpha, animation and the colour profile.
const WEBP_KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP'])
const VP8X_EXIF_FLAG = 0x08
const VP8X_XMP_FLAG = 0x04

function stripWebp(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Output()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  need(bytes, 12)
  const riffEnd = Math.min(bytes.length, 8 + view.getUint32(4, true))
  let at = 12
  while (at + 8 <= riffEnd) {
    const type = ascii(bytes, at, 4)
    const size = view.getUint32(at + 4, true)
    const end = at + 8 + size + (size % 2)
    need(bytes, Math.min(end, at + 8 + size))
    if (WEBP_KEPT.has(type)) {
      const chunk = bytes.slice(at, Math.min(end, bytes.length))
      if (type === 'VP8X') chunk[8] &= ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG)
      out.push(chunk)
    }
    at = end
  }
  const body = out.bytes()
  const result = new Uint8Array(12 + body.length)
  result.set(bytes.subarray(0, 12))
  new DataView(result.buffer).setUint32(4, 4 + body.length, true)
  result.set(body, 12)
  return result
}
