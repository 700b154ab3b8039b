/**
 * The demo's featured images, drawn here rather than downloaded: flat, warm illustrations (a
 * lobby's arch, a cup of coffee, brass keys, a night facade, a menu card) painted pixel by pixel
 * and encoded as PNG. Deterministic: the same bytes on every run, so the media store keeps one
 * copy of each.
 */
import { zlibSync } from 'fflate'

export const DEMO_IMAGE_WIDTH = 960
export const DEMO_IMAGE_HEIGHT = 540

type Rgb = [number, number, number]
/** A shape: how much of the pixel at (x, y) it covers (0 to 1), within its bounding box. */
type Shape = {
  box: [number, number, number, number]
  cover: (x: number, y: number) => number
  color: Rgb
}
type Scene = { top: Rgb; bottom: Rgb; shapes: Shape[] }

const clamp = (t: number) => Math.min(1, Math.max(0, t))
/** Soft edges: 1 inside, 0 outside, a pixel and a half of blend between. */
const edge = (distanceInside: number) => clamp(distanceInside / 1.5 + 0.5)

const disc = (cx: number, cy: number, r: number, color: Rgb): Shape => ({
  box: [cx - r, cy - r, cx + r, cy + r],
  cover: (x, y) => edge(r - Math.hypot(x - cx, y - cy)),
  color,
})

const ring = (cx: number, cy: number, r: number, width: number, color: Rgb): Shape => ({
  box: [cx - r - width, cy - r - width, cx + r + width, cy + r + width],
  cover: (x, y) => edge(width / 2 - Math.abs(Math.hypot(x - cx, y - cy) - r)),
  color,
})

const rect = (x0: number, y0: number, x1: number, y1: number, color: Rgb): Shape => ({
  box: [x0, y0, x1, y1],
  cover: (x, y) => edge(Math.min(x - x0, x1 - x, y - y0, y1 - y)),
  color,
})

/** A doorway: a rectangle topped by a half circle. */
const arch = (cx: number, top: number, bottom: number, half: number, color: Rgb): Shape => ({
  box: [cx - half, top - half, cx + half, bottom],
  cover: (x, y) =>
    edge(
      y >= top ? Math.min(half - Math.abs(x - cx), bottom - y) : half - Math.hypot(x - cx, y - top),
    ),
  color,
})

const SCENES = {
  lobby: {
    top: [236, 214, 186],
    bottom: [196, 150, 112],
    shapes: [
      rect(0, 430, 960, 540, [122, 78, 52]),
      arch(480, 190, 430, 150, [92, 56, 40]),
      arch(480, 205, 430, 128, [250, 232, 200]),
      disc(480, 150, 30, [214, 170, 86]),
      rect(380, 330, 580, 350, [122, 78, 52]),
    ],
  },
  coffee: {
    top: [214, 226, 232],
    bottom: [150, 174, 190],
    shapes: [
      disc(480, 300, 210, [236, 240, 242]),
      ring(480, 300, 170, 10, [200, 208, 214]),
      ring(622, 290, 34, 14, [250, 250, 248]),
      disc(480, 290, 118, [250, 250, 248]),
      disc(480, 290, 96, [112, 70, 44]),
      disc(455, 270, 22, [150, 104, 72]),
    ],
  },
  keys: {
    top: [58, 74, 70],
    bottom: [30, 40, 38],
    shapes: [
      ring(300, 240, 70, 26, [212, 170, 88]),
      rect(362, 228, 700, 252, [212, 170, 88]),
      rect(640, 252, 662, 300, [212, 170, 88]),
      rect(690, 252, 712, 290, [212, 170, 88]),
      ring(420, 370, 44, 18, [190, 150, 78]),
      rect(458, 362, 650, 378, [190, 150, 78]),
      rect(610, 378, 626, 408, [190, 150, 78]),
    ],
  },
  night: {
    top: [24, 34, 66],
    bottom: [60, 52, 92],
    shapes: [
      disc(790, 100, 44, [244, 236, 206]),
      rect(180, 170, 780, 540, [40, 40, 52]),
      ...[0, 1, 2, 3].flatMap((row) =>
        [0, 1, 2, 3, 4, 5].map((col) =>
          rect(
            220 + col * 92,
            210 + row * 78,
            270 + col * 92,
            250 + row * 78,
            (row * 6 + col) % 3 === 0 ? [70, 70, 86] : [246, 200, 110],
          ),
        ),
      ),
    ],
  },
  menu: {
    top: [178, 64, 44],
    bottom: [120, 40, 30],
    shapes: [
      rect(300, 60, 660, 500, [248, 242, 228]),
      rect(380, 110, 580, 126, [120, 40, 30]),
      ...[0, 1, 2, 3, 4, 5].map((n) =>
        rect(350, 170 + n * 48, 610 - (n % 2) * 60, 180 + n * 48, [170, 160, 146]),
      ),
      disc(480, 455, 12, [120, 40, 30]),
    ],
  },
} satisfies Record<string, Scene>

export type DemoScene = keyof typeof SCENES

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array) {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array) {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(new TextEncoder().encode(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** An 8-bit RGB PNG of `rgb` (rows top to bottom, three bytes a pixel). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const rows = new Uint8Array(height * (width * 3 + 1))
  for (let y = 0; y < height; y++)
    rows.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1)
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 2, 0, 0, 0], 8)
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    png.set(part, at)
    at += part.length
  }
  return png
}

/** One scene as PNG bytes: its gradient, then each shape over it, only within its own box. */
export function drawDemoImage(scene: DemoScene): Uint8Array {
  const { top, bottom, shapes }: Scene = SCENES[scene]
  const [width, height] = [DEMO_IMAGE_WIDTH, DEMO_IMAGE_HEIGHT]
  const rgb = new Float32Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    const t = y / height
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 3; c++) rgb[(y * width + x) * 3 + c] = top[c] + (bottom[c] - top[c]) * t
  }
  for (const { box, cover, color } of shapes) {
    const [x0, y0] = [Math.max(0, Math.floor(box[0]) - 2), Math.max(0, Math.floor(box[1]) - 2)]
    const [x1, y1] = [
      Math.min(width, Math.ceil(box[2]) + 2),
      Math.min(height, Math.ceil(box[3]) + 2),
    ]
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const a = cover(x + 0.5, y + 0.5)
        if (a <= 0) continue
        const at = (y * width + x) * 3
        for (let c = 0; c < 3; c++) rgb[at + c] += (color[c] - rgb[at + c]) * a
      }
  }
  const bytes = new Uint8Array(rgb.length)
  for (let i = 0; i < rgb.length; i++) bytes[i] = rgb[i] + 0.5
  return encodePng(width, height, bytes)
}
