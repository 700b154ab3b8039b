import { MalformedImage } from './strip-metadata'

/**
 * A GIF keeps what programs add about it in extension blocks: comments, plain text, and
 * application extensions (XMP, written as "XMP DataXMP", among them). Only the blocks a browser
 * needs to draw it stay: the images, their graphic controls (delay, transparency) and the loop
 * count of an animation; anything after the end goes too.
 */
export function stripGifMetadata(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = []
  need(bytes, 13)
  let at = 13 + colorTableSize(bytes[10])
  need(bytes, at)
  parts.push(bytes.subarray(0, at))
  while (at < bytes.length) {
    const introducer = bytes[at]
    if (introducer === TRAILER) {
      parts.push(bytes.subarray(at, at + 1))
      return joined(parts)
    }
    if (introducer === IMAGE) {
      need(bytes, at + 11)
      const end = afterSubBlocks(bytes, at + 10 + colorTableSize(bytes[at + 9]) + 1)
      parts.push(bytes.subarray(at, end))
      at = end
      continue
    }
    if (introducer !== EXTENSION) throw new MalformedImage('GIF block expected')
    need(bytes, at + 2)
    const label = bytes[at + 1]
    const end = afterSubBlocks(bytes, at + 2)
    if (label === GRAPHIC_CONTROL) parts.push(bytes.subarray(at, end))
    else if (label === APPLICATION) parts.push(...loopCount(bytes, at, end))
    at = end
  }
  // Some encoders stop without the trailer, exactly at the end of a block: browsers draw those.
  parts.push(new Uint8Array([TRAILER]))
  return joined(parts)
}

const EXTENSION = 0x21
const IMAGE = 0x2c
const TRAILER = 0x3b
const GRAPHIC_CONTROL = 0xf9
const APPLICATION = 0xff
const LOOPING = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0'])

function need(bytes: Uint8Array, end: number) {
  if (end > bytes.length) throw new MalformedImage('truncated image')
}

function colorTableSize(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0
}

/** Where the sub-blocks starting at `at` end (after their empty terminator). */
function afterSubBlocks(bytes: Uint8Array, at: number): number {
  for (;;) {
    need(bytes, at + 1)
    const size = bytes[at]
    at += 1 + size
    if (size === 0) return at
  }
}

/** An animation's loop count, alone, from its application extension; nothing from any other. */
function loopCount(bytes: Uint8Array, start: number, end: number): Uint8Array[] {
  const identifier = start + 2
  if (bytes[identifier] !== 11) return []
  const name = String.fromCharCode(...bytes.subarray(identifier + 1, identifier + 12))
  if (!LOOPING.has(name)) return []
  const kept: Uint8Array[] = [bytes.subarray(start, identifier + 12)]
  for (let at = identifier + 12; at < end - 1; at += 1 + bytes[at]) {
    if (bytes[at] === 3 && bytes[at + 1] === 1) kept.push(bytes.subarray(at, at + 4))
  }
  kept.push(new Uint8Array([0]))
  return kept
}

function joined(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
