import { Inflate } from 'fflate'
import { sizeLabel, type ArchiveLimits } from './archive-limits'
import { ImportFileError } from './source'

const LOCAL_HEADER = 0x04034b50
const DATA_DESCRIPTOR = 0x08074b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL = 0x06054b50
const ZIP64_SIZE = 0xffffffff
/**
 * Compressed bytes pushed to the inflater at once. Deflate expands 1,032× at most, so one push
 * makes at most ~2 MB before the limits are checked again: a zip bomb costs the reader about 32 MB
 * of memory at its peak (`npm run bench:archive`), 79 MB with 16 KB pushes, and reading ordinary
 * archives is no slower.
 */
const INFLATE_SLICE = 2_048
/** A data descriptor is 16 bytes, and the next file's header or the directory follows it. */
const DESCRIPTOR_TAIL = 19

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8)
const u32 = (b: Uint8Array, i: number) =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0

function concat(parts: Uint8Array[], size: number) {
  if (parts.length === 1) return parts[0]
  const all = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    all.set(part, offset)
    offset += part.byteLength
  }
  return all
}

const refuse = (message: string): never => {
  throw new ImportFileError(message)
}
const damaged = () => refuse('The zip file is damaged or truncated.')
const shown = (name: string) => (name.length > 120 ? `${name.slice(0, 120)}…` : name)

type Entry = {
  name: string
  stored: boolean
  /** The unpacked size the header gives; null when a data descriptor follows the data. */
  declared: number | null
  /** Compressed bytes still to come, when the header gives their number. */
  left: number | null
  consumed: number
  produced: number
  parts: Uint8Array[]
  inflater: Inflate | null
}

/**
 * The files of a zip, unpacked as its bytes stream in and checked against `limits` as they are
 * produced: a zip bomb is refused one push (INFLATE_SLICE) past a limit at most, and the rest of
 * the stream is never read. Files are found by their local headers, in order; the end of one
 * written with a data descriptor (as this blog's export writes them all) is where a descriptor
 * whose compressed size matches the bytes read so far starts, followed by the next header.
 * (fflate's own streaming `Unzip` ends such a file at the first `PK\x07\x08` in its data, which
 * an image may hold.) Sizes a header declares are checked before anything is unpacked, and the
 * bytes really produced count too, since a header can lie.
 */
export async function unzipEntries(
  chunks: AsyncIterable<Uint8Array>,
  limits: ArchiveLimits,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  let total = 0
  let entry: Entry | null = null
  let ended = false

  const produce = (e: Entry, data: Uint8Array) => {
    e.produced += data.byteLength
    total += data.byteLength
    if (e.declared !== null && e.produced > e.declared)
      refuse(`The archive's ${shown(e.name)} holds more than the ${e.declared} bytes it declares.`)
    if (e.produced > limits.entryBytes)
      refuse(`The archive's ${shown(e.name)} is larger than ${sizeLabel(limits.entryBytes)}.`)
    if (total > limits.totalBytes)
      refuse(`The archive unpacks to more than ${sizeLabel(limits.totalBytes)}.`)
    if (data.byteLength) e.parts.push(data)
  }

  const open = (header: Uint8Array): Entry => {
    const flags = u16(header, 6)
    const method = u16(header, 8)
    const compressed = u32(header, 18)
    const size = u32(header, 22)
    const nameBytes = header.subarray(30, 30 + u16(header, 26))
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes)
    if (files.size >= limits.entries)
      refuse(`The archive holds more than ${limits.entries.toLocaleString('en')} files.`)
    if (flags & 1) refuse(`The archive's ${shown(name)} is encrypted.`)
    if (method !== 0 && method !== 8)
      refuse(`The archive's ${shown(name)} is compressed in a way this blog does not read.`)
    if (files.has(name)) refuse(`The archive holds ${shown(name)} twice.`)
    const described = (flags & 8) !== 0
    if (!described) {
      if (compressed === ZIP64_SIZE || size > limits.entryBytes)
        refuse(`The archive's ${shown(name)} is larger than ${sizeLabel(limits.entryBytes)}.`)
      if (total + size > limits.totalBytes)
        refuse(`The archive unpacks to more than ${sizeLabel(limits.totalBytes)}.`)
      if (method === 0 && compressed !== size) damaged()
    }
    files.set(name, new Uint8Array(0))
    const e: Entry = {
      name,
      stored: method === 0,
      declared: described ? null : size,
      left: described ? null : compressed,
      consumed: 0,
      produced: 0,
      parts: [],
      inflater: null,
    }
    if (method === 8) e.inflater = new Inflate((data) => produce(e, data))
    return e
  }

  const feed = (e: Entry, data: Uint8Array, final: boolean) => {
    e.consumed += data.byteLength
    if (!e.inflater) return produce(e, data)
    for (let at = 0; ; at += INFLATE_SLICE) {
      const last = at + INFLATE_SLICE >= data.byteLength
      e.inflater.push(data.subarray(at, at + INFLATE_SLICE), final && last)
      if (last) return
    }
  }

  const close = (e: Entry, size: number | null) => {
    if ((size ?? e.declared ?? e.produced) !== e.produced) damaged()
    files.set(e.name, concat(e.parts, e.produced))
    entry = null
  }

  const followsDescriptor = (signature: number) =>
    signature === LOCAL_HEADER || signature === CENTRAL_HEADER || signature === END_OF_CENTRAL
  /** Where this entry's data descriptor starts in `buf` (from `at`), or -1. */
  const descriptorAt = (e: Entry, buf: Uint8Array, at: number) => {
    for (
      let p = buf.indexOf(0x50, at);
      p >= 0 && p + 20 <= buf.length;
      p = buf.indexOf(0x50, p + 1)
    ) {
      if (u32(buf, p) !== DATA_DESCRIPTOR) continue
      const compressed = u32(buf, p + 8)
      if (compressed !== e.consumed + (p - at)) continue
      if (e.stored && u32(buf, p + 12) !== compressed) continue
      if (followsDescriptor(u32(buf, p + 16))) return p
    }
    return -1
  }

  let buf: Uint8Array = new Uint8Array(0)
  try {
    for await (const chunk of chunks) {
      if (ended) continue
      buf = buf.length ? concat([buf, chunk], buf.length + chunk.length) : chunk
      let at = 0
      while (!ended) {
        if (!entry) {
          if (buf.length - at < 4) break
          const signature = u32(buf, at)
          if (signature === CENTRAL_HEADER || signature === END_OF_CENTRAL) ended = true
          else if (signature !== LOCAL_HEADER) damaged()
          else {
            if (buf.length - at < 30) break
            const headerSize = 30 + u16(buf, at + 26) + u16(buf, at + 28)
            if (buf.length - at < headerSize) break
            entry = open(buf.subarray(at, at + headerSize))
            at += headerSize
          }
          continue
        }
        if (entry.left !== null) {
          const n = Math.min(entry.left, buf.length - at)
          entry.left -= n
          feed(entry, buf.subarray(at, at + n), entry.left === 0)
          at += n
          if (entry.left > 0) break
          close(entry, null)
          continue
        }
        const end = descriptorAt(entry, buf, at)
        if (end < 0) {
          const safe = Math.max(at, buf.length - DESCRIPTOR_TAIL)
          feed(entry, buf.subarray(at, safe), false)
          at = safe
          break
        }
        feed(entry, buf.subarray(at, end), true)
        close(entry, u32(buf, end + 12))
        at = end + 16
      }
      buf = ended ? new Uint8Array(0) : buf.subarray(at)
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    damaged()
  }
  if (!ended) damaged()
  return files
}
