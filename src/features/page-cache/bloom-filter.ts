/**
 * A Bloom filter over strings: `has` answers "certainly not added" or "perhaps added", never a
 * wrong "not added". Sixteen bits and eight probes per string give about one false "perhaps" in
 * 1,700 absent strings (an absent page is then looked up as before, no worse).
 */
const BITS_PER_ITEM = 16
const PROBES = 8
/** A small blog's filter is this size at least: 4 KiB, with next to no false "perhaps" at all. */
const MIN_BYTES = 4096

/** Two independent 32-bit hashes of the string's UTF-16 units (FNV-1a and a murmur-style mix). */
function hashes(text: string): [number, number] {
  let a = 0x811c9dc5
  let b = 0x9747b28c ^ text.length
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    a = Math.imul(a ^ unit, 0x01000193)
    b = Math.imul(b ^ unit, 0x5bd1e995)
    b ^= b >>> 15
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35)
  b ^= b >>> 16
  // Odd, so the probes step through every bit position before repeating.
  return [a >>> 0, (b | 1) >>> 0]
}

export class BloomFilter {
  private constructor(private readonly bits: Uint8Array<ArrayBuffer>) {}

  /** A filter sized for `count` strings, holding `items`. */
  static of(items: Iterable<string>, count: number): BloomFilter {
    const filter = new BloomFilter(
      new Uint8Array(Math.max(MIN_BYTES, Math.ceil((count * BITS_PER_ITEM) / 8))),
    )
    for (const item of items) filter.add(item)
    return filter
  }

  /** A filter from the bytes `toBytes` gave (kept in the Cache API). */
  static fromBytes(bytes: ArrayBuffer): BloomFilter {
    return new BloomFilter(new Uint8Array(bytes))
  }

  toBytes(): Uint8Array<ArrayBuffer> {
    return this.bits
  }

  private positions(text: string): number[] {
    const size = this.bits.length * 8
    const [first, step] = hashes(text)
    const positions: number[] = []
    for (let i = 0; i < PROBES; i++) positions.push(((first + Math.imul(i, step)) >>> 0) % size)
    return positions
  }

  private add(text: string) {
    for (const bit of this.positions(text)) this.bits[bit >>> 3] |= 1 << (bit & 7)
  }

  has(text: string): boolean {
    return this.positions(text).every((bit) => (this.bits[bit >>> 3] & (1 << (bit & 7))) !== 0)
  }
}
