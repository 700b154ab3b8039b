/**
 * Builds small AVIF (HEIF) files for the metadata tests: a picture item with its size, and any
 * number of other items (EXIF, XMP as `mime`, URIs) whose bytes sit in `mdat`, in `idat`, or are
 * built from another item (construction method 2), plus extra boxes at the top or in `meta`.
 */
export type HeifItem = {
  type: string
  name?: string
  contentType?: string
  data: Uint8Array
  place: 'mdat' | 'idat' | 'item'
}

export type HeifSpec = {
  width: number
  height: number
  picture: Uint8Array
  items: HeifItem[]
  topBoxes?: { type: string; payload: Uint8Array }[]
  metaBoxes?: { type: string; payload: Uint8Array }[]
}

const text = (value: string) => new TextEncoder().encode(value)
const u8 = (...values: number[]) => new Uint8Array(values)
const u16 = (value: number) => u8(value >> 8, value & 0xff)
const u32 = (value: number) =>
  u8(value >>> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff)

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

export function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const payload = concat(parts)
  return concat([u32(8 + payload.length), text(type), payload])
}

const fullBox = (type: string, version: number, ...parts: Uint8Array[]) =>
  box(type, u8(version, 0, 0, 0), ...parts)

function infe(id: number, type: string, name: string, contentType?: string) {
  const strings = [text(`${name}\0`)]
  if (contentType !== undefined) strings.push(text(`${contentType}\0`))
  return fullBox('infe', 2, u16(id), u16(0), text(type), ...strings)
}

export function buildAvif(spec: HeifSpec): Uint8Array {
  const all = [
    { type: 'av01', name: '', data: spec.picture, place: 'mdat' as const },
    ...spec.items,
  ]
  const idat = concat(all.filter((item) => item.place === 'idat').map((item) => item.data))
  const meta = (mdatStart: number) => {
    let inMdat = mdatStart
    let inIdat = 0
    const locations = all.map((item, index) => {
      let offset = 0
      if (item.place === 'mdat') {
        offset = inMdat
        inMdat += item.data.length
      } else if (item.place === 'idat') {
        offset = inIdat
        inIdat += item.data.length
      }
      const method = item.place === 'idat' ? 1 : item.place === 'item' ? 2 : 0
      // id, construction method, data reference 0, one extent: offset, length (4 bytes each)
      return concat([
        u16(index + 1),
        u16(method),
        u16(0),
        u16(1),
        u32(offset),
        u32(item.data.length),
      ])
    })
    return fullBox(
      'meta',
      0,
      fullBox('hdlr', 0, u32(0), text('pict'), u32(0), u32(0), u32(0), u8(0)),
      fullBox('pitm', 0, u16(1)),
      fullBox(
        'iinf',
        0,
        u16(all.length),
        ...all.map((item, index) =>
          infe(
            index + 1,
            item.type,
            item.name ?? '',
            'contentType' in item ? item.contentType : undefined,
          ),
        ),
      ),
      fullBox('iloc', 1, u8(0x44, 0x00), u16(all.length), ...locations),
      box(
        'iprp',
        box('ipco', fullBox('ispe', 0, u32(spec.width), u32(spec.height))),
        fullBox('ipma', 0, u32(1), u16(1), u8(1), u8(0x81)),
      ),
      ...(idat.length > 0 ? [box('idat', idat)] : []),
      ...(spec.metaBoxes ?? []).map(({ type, payload }) => box(type, payload)),
    )
  }
  const ftyp = box('ftyp', text('avif'), u32(0), text('mif1avifmiaf'))
  const top = (spec.topBoxes ?? []).map(({ type, payload }) => box(type, payload))
  // The offsets are fixed-size fields: the meta box is as long whatever they say.
  const mdatStart = ftyp.length + meta(0).length + top.reduce((sum, b) => sum + b.length, 0) + 8
  const mdat = box('mdat', ...all.filter((item) => item.place === 'mdat').map((item) => item.data))
  return concat([ftyp, meta(mdatStart), ...top, mdat])
}
