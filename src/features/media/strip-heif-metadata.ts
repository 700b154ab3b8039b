import { MalformedImage } from './strip-metadata'

/**
 * AVIF (HEIF) keeps EXIF and XMP as items of their own beside the picture: an `infe` entry naming
 * the item (`Exif`, or `mime` with `application/rdf+xml`) and an `iloc` entry saying where its
 * bytes are. Removing them would move every byte after them, and the picture's own `iloc` offsets
 * with them; so the file keeps its layout and the metadata is blanked in place instead: each such
 * item becomes a hidden item of a type no reader knows, with no name and zeros for bytes, and
 * boxes a picture does not need (a
 * `uuid` XMP packet, user data) become `free` boxes full of zeros.
 */
export function stripHeifMetadata(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes) // a copy: the upload itself is left as it came
  for (const box of boxesIn(out, 0, out.length)) {
    if (box.type === 'meta') stripMeta(out, box)
    else if (box.type === 'moov') blankUserData(out, box)
    else if (!TOP_LEVEL_KEPT.has(box.type)) blank(out, box)
  }
  return out
}

/** A file whose metadata lies where it cannot be blanked (another item's bytes): never stored. */
export class MetadataNotRemovable extends Error {}

const TOP_LEVEL_KEPT = new Set(['ftyp', 'meta', 'mdat', 'moov', 'free', 'skip'])
const META_KEPT = new Set([
  'hdlr',
  'pitm',
  'iloc',
  'iinf',
  'iref',
  'iprp',
  'idat',
  'dinf',
  'grpl',
  'free',
  'skip',
])
// Items that carry data about the picture rather than the picture: EXIF, XMP (a MIME item), URIs.
const METADATA_ITEMS = new Set(['Exif', 'mime', 'uri '])
const HIDDEN_ITEM = 0x01 // infe flags

type Box = { type: string; start: number; payload: number; end: number }

function need(bytes: Uint8Array, end: number) {
  if (end > bytes.length) throw new MalformedImage('truncated image')
}

function ascii(bytes: Uint8Array, start: number, length: number) {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

/** An unsigned big-endian number of 0, 4 or 8 bytes (iloc's sizes), or 2. */
function uint(bytes: Uint8Array, at: number, size: number): number {
  need(bytes, at + size)
  let value = 0
  for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]
  if (!Number.isSafeInteger(value)) throw new MalformedImage('offset too large')
  return value
}

function boxesIn(bytes: Uint8Array, start: number, end: number): Box[] {
  const found: Box[] = []
  let at = start
  while (at < end) {
    if (at + 8 > end) throw new MalformedImage('truncated box')
    let size = uint(bytes, at, 4)
    let payload = at + 8
    if (size === 1) {
      size = uint(bytes, at + 8, 8)
      payload = at + 16
    } else if (size === 0) {
      size = end - at
    }
    if (size < payload - at || at + size > end) throw new MalformedImage('box past its end')
    found.push({ type: ascii(bytes, at + 4, 4), start: at, payload, end: at + size })
    at += size
  }
  return found
}

/** The box stays where it is, as a `free` box of zeros, so nothing after it moves. */
function blank(bytes: Uint8Array, box: Box) {
  bytes.set([0x66, 0x72, 0x65, 0x65], box.start + 4)
  bytes.fill(0, box.payload, box.end)
}

function blankUserData(bytes: Uint8Array, parent: Box) {
  for (const box of boxesIn(bytes, parent.payload, parent.end)) {
    if (box.type === 'udta' || box.type === 'meta') blank(bytes, box)
    else if (box.type === 'trak') blankUserData(bytes, box)
  }
}

function stripMeta(bytes: Uint8Array, meta: Box) {
  // A full box: version and flags come before the boxes inside.
  const inside = boxesIn(bytes, meta.payload + 4, meta.end)
  const ids = new Set<number>()
  for (const box of inside) {
    if (box.type === 'iinf') for (const id of blankMetadataEntries(bytes, box)) ids.add(id)
    else if (!META_KEPT.has(box.type)) blank(bytes, box)
  }
  if (ids.size === 0) return
  const idat = inside.find((box) => box.type === 'idat') ?? null
  const iloc = inside.find((box) => box.type === 'iloc')
  if (!iloc) throw new MalformedImage('items without locations')
  blankItemBytes(bytes, iloc, idat, ids)
}

/**
 * Turns each metadata entry into a hidden, nameless item of type `free` (none such exists, so
 * readers skip it; an empty `mime` entry would need room for two strings an EXIF entry may not
 * have); gives the ids whose bytes must go.
 */
function blankMetadataEntries(bytes: Uint8Array, iinf: Box): number[] {
  need(bytes, iinf.payload + 4)
  const version = bytes[iinf.payload]
  const first = iinf.payload + (version === 0 ? 6 : 8)
  const ids: number[] = []
  for (const infe of boxesIn(bytes, first, iinf.end)) {
    if (infe.type !== 'infe') continue
    need(bytes, infe.payload + 8)
    const entryVersion = bytes[infe.payload]
    if (entryVersion < 2) {
      // Versions 0 and 1 have no item type: every such item is a MIME item, never a picture.
      ids.push(uint(bytes, infe.payload + 4, 2))
      bytes.fill(0, infe.payload + 8, infe.end)
      continue
    }
    const idSize = entryVersion === 2 ? 2 : 4
    const typeAt = infe.payload + 4 + idSize + 2
    if (typeAt + 4 > infe.end) throw new MalformedImage('short item entry')
    if (!METADATA_ITEMS.has(ascii(bytes, typeAt, 4))) continue
    ids.push(uint(bytes, infe.payload + 4, idSize))
    bytes[infe.payload + 3] |= HIDDEN_ITEM
    bytes.set([0x66, 0x72, 0x65, 0x65], typeAt)
    bytes.fill(0, typeAt + 4, infe.end)
  }
  return ids
}

/** Zeros the bytes of the given items, wherever `iloc` says they are. */
function blankItemBytes(bytes: Uint8Array, iloc: Box, idat: Box | null, ids: Set<number>) {
  let at = iloc.payload
  need(bytes, at + 6)
  const version = bytes[at]
  const offsetSize = bytes[at + 4] >> 4
  const lengthSize = bytes[at + 4] & 0x0f
  const baseOffsetSize = bytes[at + 5] >> 4
  const indexSize = version === 1 || version === 2 ? bytes[at + 5] & 0x0f : 0
  at += 6
  const countSize = version < 2 ? 2 : 4
  const itemCount = uint(bytes, at, countSize)
  at += countSize
  for (let item = 0; item < itemCount; item++) {
    const id = uint(bytes, at, countSize)
    at += countSize
    let method = 0
    if (version === 1 || version === 2) {
      method = uint(bytes, at, 2) & 0x0f
      at += 2
    }
    const dataReference = uint(bytes, at, 2)
    const base = uint(bytes, at + 2, baseOffsetSize)
    at += 2 + baseOffsetSize
    const extentCount = uint(bytes, at, 2)
    at += 2
    for (let extent = 0; extent < extentCount; extent++) {
      at += indexSize
      const offset = uint(bytes, at, offsetSize)
      const length = uint(bytes, at + offsetSize, lengthSize)
      at += offsetSize + lengthSize
      if (!ids.has(id) || dataReference !== 0) continue
      if (method === 2 || (method === 1 && !idat)) throw new MetadataNotRemovable()
      const origin = method === 1 ? idat!.payload : 0
      const limit = method === 1 ? idat!.end : bytes.length
      const start = origin + base + offset
      const end = length === 0 ? limit : start + length
      if (end > limit) throw new MalformedImage('item past its data')
      bytes.fill(0, start, end)
    }
    if (at > iloc.end) throw new MalformedImage('iloc past its end')
  }
}
