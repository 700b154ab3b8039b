import fc from 'fast-check'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { readImageInfo, type ImageType } from '../../../src/features/media/image-info'
import { cleanUpload, storeMedia } from '../../../src/features/media/store'
import { buildAvif, type HeifItem } from '../../heif-builder'
import { fromBase64, includesBytes, mediaEnv } from '../../media-helpers'
import * as samples from '../../media-samples'

/** What must never reach R2: EXIF blocks, GPS tags, XMP packets. */
const MARKERS = ['Exif', 'GPS', 'xmpmeta', 'http://ns.adobe.com/xap']

const text = (value: string) => new TextEncoder().encode(value)

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** Metadata as programs write it: some text, one of the markers, more text. */
const payload = fc
  .tuple(fc.string({ maxLength: 40 }), fc.constantFrom(...MARKERS), fc.string({ maxLength: 40 }))
  .map(([before, marker, after]) => text(`${before}${marker}${after}`))

// JPEG: segments after SOI (APP1 EXIF/XMP, APP13 IPTC, a JFXX thumbnail, any APPn, comments) and
// bytes after the end of the image.
const jpegSegment = fc
  .tuple(fc.constantFrom(0xe0, 0xe1, 0xe2, 0xe3, 0xec, 0xed, 0xee, 0xef, 0xfe), payload)
  .map(([marker, data]) => {
    const body = marker === 0xe0 ? concat([text('JFXX\0'), data]) : data
    return concat([
      new Uint8Array([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]),
      body,
    ])
  })
const jpeg = fc
  .tuple(fc.array(jpegSegment, { maxLength: 4 }), fc.option(payload, { nil: undefined }))
  .map(([segments, trailing]) => {
    const base = fromBase64(samples.jpegWithGps)
    return concat([
      base.subarray(0, 2),
      ...segments,
      base.subarray(2),
      trailing ?? new Uint8Array(),
    ])
  })

// PNG: text, EXIF and private chunks, before and after the image data.
function pngChunk(type: string, data: Uint8Array) {
  const length = new Uint8Array(4)
  new DataView(length.buffer).setUint32(0, data.length)
  return concat([length, text(type), data, new Uint8Array(4)])
}
const pngChunks = fc.array(
  fc.tuple(fc.constantFrom('tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME', 'prVt'), payload),
  { maxLength: 3 },
)
const png = fc.tuple(pngChunks, pngChunks).map(([early, late]) => {
  const base = fromBase64(samples.pngWithMetadata)
  const iend = base.length - 12
  return concat([
    base.subarray(0, 33), // signature and IHDR
    ...early.map(([type, data]) => pngChunk(type, data)),
    base.subarray(33, iend),
    ...late.map(([type, data]) => pngChunk(type, data)),
    base.subarray(iend),
  ])
})

// WebP: EXIF, XMP and unknown chunks after the header chunk and at the end.
function webpChunk(type: string, data: Uint8Array) {
  const head = concat([text(type), new Uint8Array(4)])
  new DataView(head.buffer).setUint32(4, data.length, true)
  return concat([head, data, new Uint8Array(data.length % 2)])
}
const webpChunks = fc.array(fc.tuple(fc.constantFrom('EXIF', 'XMP ', 'IPTC', 'META'), payload), {
  maxLength: 3,
})
const webp = fc.tuple(webpChunks, webpChunks).map(([early, late]) => {
  const base = fromBase64(samples.webpWithMetadata)
  const afterVp8x = 12 + 18
  const out = concat([
    base.subarray(0, afterVp8x),
    ...early.map(([type, data]) => webpChunk(type, data)),
    base.subarray(afterVp8x),
    ...late.map(([type, data]) => webpChunk(type, data)),
  ])
  new DataView(out.buffer).setUint32(4, out.length - 8, true)
  return out
})

// AVIF: EXIF, XMP and URI items in mdat or idat, named or not, and boxes of other kinds.
const heifItem: fc.Arbitrary<HeifItem> = fc
  .tuple(
    fc.constantFrom('Exif', 'mime', 'uri '),
    payload,
    fc.constantFrom<'mdat' | 'idat'>('mdat', 'idat'),
    fc.option(payload, { nil: undefined }),
  )
  .map(([type, data, place, name]) => ({
    type,
    data,
    place,
    name: name ? new TextDecoder().decode(name).replace(/\0/g, '') : '',
    contentType: type === 'mime' ? 'application/rdf+xml' : undefined,
  }))
const heifBoxes = fc.array(
  fc.tuple(fc.constantFrom('uuid', 'udta', 'XMP_'), payload).map(([type, data]) => ({
    type,
    payload: data,
  })),
  { maxLength: 2 },
)
const avif = fc
  .tuple(fc.array(heifItem, { minLength: 1, maxLength: 4 }), heifBoxes, heifBoxes)
  .map(([items, topBoxes, metaBoxes]) =>
    buildAvif({
      width: 16,
      height: 12,
      picture: new Uint8Array(64).fill(0x5a),
      items,
      topBoxes,
      metaBoxes,
    }),
  )

// GIF: comments, plain text, application extensions (XMP's raw packet among them) and bytes
// after the end, before and after the picture.
function subBlocks(data: Uint8Array) {
  const parts: Uint8Array[] = []
  for (let at = 0; at < data.length; at += 255) {
    const chunk = data.subarray(at, at + 255)
    parts.push(new Uint8Array([chunk.length]), chunk)
  }
  return concat([...parts, new Uint8Array([0])])
}
const XMP_MAGIC_TRAILER = new Uint8Array([1, ...Array.from({ length: 256 }, (_, i) => 255 - i), 0])
const gifExtension = fc
  .tuple(fc.constantFrom('comment', 'plainText', 'application', 'xmp', 'netscape'), payload)
  .map(([kind, data]) => {
    if (kind === 'comment') return concat([new Uint8Array([0x21, 0xfe]), subBlocks(data)])
    if (kind === 'plainText')
      return concat([new Uint8Array([0x21, 0x01, 12, ...new Array(12).fill(0)]), subBlocks(data)])
    if (kind === 'xmp')
      return concat([
        new Uint8Array([0x21, 0xff, 11]),
        text('XMP DataXMP'),
        data,
        XMP_MAGIC_TRAILER,
      ])
    // A looping extension carries its loop count first; anything may follow it.
    const loop = kind === 'netscape' ? new Uint8Array([3, 1, 0, 0]) : new Uint8Array()
    const id = kind === 'netscape' ? 'NETSCAPE2.0' : 'ACMECAM1.00'
    return concat([new Uint8Array([0x21, 0xff, 11]), text(id), loop, subBlocks(data)])
  })
const gif = fc
  .tuple(
    fc.array(gifExtension, { minLength: 1, maxLength: 3 }),
    fc.array(gifExtension, { maxLength: 3 }),
    fc.option(payload, { nil: undefined }),
  )
  .map(([early, late, trailing]) => {
    const base = fromBase64(samples.gif)
    const flags = base[10]
    const afterTable = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0)
    return concat([
      base.subarray(0, afterTable),
      ...early,
      base.subarray(afterTable, base.length - 1),
      ...late,
      base.subarray(base.length - 1),
      trailing ?? new Uint8Array(),
    ])
  })

const FORMATS: [ImageType, fc.Arbitrary<Uint8Array>][] = [
  ['jpg', jpeg],
  ['png', png],
  ['webp', webp],
  ['avif', avif],
  ['gif', gif],
]

describe('metadata never stored', () => {
  for (const [type, files] of FORMATS) {
    it(`keeps no EXIF, GPS or XMP marker in any ${type} it accepts`, () => {
      fc.assert(
        fc.property(files, (bytes) => {
          // The generated file really carries what must go, so the check below can fail.
          expect(MARKERS.some((marker) => includesBytes(bytes, marker))).toBe(true)
          const result = cleanUpload(bytes)
          if (!result.ok) throw new Error(`${type} refused: ${result.code}`)
          const found = MARKERS.filter((marker) => includesBytes(result.clean, marker))
          expect(found).toEqual([])
          expect(readImageInfo(result.clean)).toMatchObject({ type })
        }),
        { numRuns: 60 },
      )
    })
  }

  it('refuses, with a clear message, an AVIF whose metadata is built from another item', async () => {
    const bytes = buildAvif({
      width: 16,
      height: 12,
      picture: new Uint8Array(64).fill(0x5a),
      items: [{ type: 'Exif', data: text('Exif\0\0GPS'), place: 'item' }],
    })
    const objectsBefore = (await env.MEDIA.list()).objects.length
    const result = await storeMedia(mediaEnv(), { bytes, createdBy: null })
    expect(result).toMatchObject({ ok: false, status: 422, code: 'metadataKept' })
    expect(!result.ok && result.message).toContain('cannot be removed')
    expect((await env.MEDIA.list()).objects).toHaveLength(objectsBefore)
  })
})
