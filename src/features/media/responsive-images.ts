import type { Media } from '../../db/schema'
import { MEDIA_KEY, mediaUrl } from './url'

/** The widths `/media/…?w=` serves when Cloudflare Images is bound. */
export const RESPONSIVE_WIDTHS = [320, 640, 960, 1280, 1920] as const

/** The reading column (--measure in site.css) or the screen, whichever is narrower. */
export const BODY_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)'

export type ImageBox = Pick<Media, 'key' | 'width' | 'height'>

export type ImageLoading = {
  /** The first image the page shows loads at once; every later one waits until it nears view. */
  first: boolean
  /** Cloudflare Images is bound: offer narrower copies through srcset. */
  responsive: boolean
  sizes: string
}

/** `srcset`/`sizes` for an image, or nothing when there is no resizing (or nothing narrower). */
export function responsiveAttributes(
  image: ImageBox,
  loading: Pick<ImageLoading, 'responsive' | 'sizes'>,
): { srcset?: string; sizes?: string } {
  if (!loading.responsive) return {}
  const widths = RESPONSIVE_WIDTHS.filter((width) => width < image.width)
  if (widths.length === 0) return {}
  const srcset = [
    ...widths.map((width) => `${mediaUrl(image)}?w=${width} ${width}w`),
    `${mediaUrl(image)} ${image.width}w`,
  ].join(', ')
  return { srcset, sizes: loading.sizes }
}

const IMG_TAG = /<img\b([^>]*)>/g
const ATTRIBUTE = /\s([a-z-]+)="([^"]*)"/g
const MEDIA_SRC = new RegExp(`^/media/(${MEDIA_KEY})$`)

function imgAttributes(attributeText: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const [, name, value] of attributeText.matchAll(ATTRIBUTE)) attributes.set(name, value)
  return attributes
}

/** Written `![](/media/… "decorative")` in markdown: an image that says nothing, on purpose. */
export const DECORATIVE_TITLE = 'decorative'

/**
 * Completes the `<img>` tags of sanitized HTML (lib/markdown writes every attribute in double
 * quotes): the stored width and height so the page never shifts, lazy loading after the first
 * image, async decoding, srcset when resizing exists, and an empty alt for decorative images.
 */
export function decorateImages(
  html: string,
  images: Map<string, ImageBox>,
  loading: ImageLoading,
): string {
  let index = 0
  return html.replace(IMG_TAG, (_, attributeText: string) => {
    const attributes = imgAttributes(attributeText)
    const key = MEDIA_SRC.exec(attributes.get('src') ?? '')?.[1]
    const image = key ? images.get(key) : undefined
    if (attributes.get('title') === DECORATIVE_TITLE) {
      attributes.delete('title')
      attributes.set('alt', '')
    }
    if (image) {
      attributes.set('width', String(image.width))
      attributes.set('height', String(image.height))
      for (const [name, value] of Object.entries(responsiveAttributes(image, loading))) {
        attributes.set(name, value)
      }
    }
    const isFirst = loading.first && index === 0
    index++
    if (!isFirst) attributes.set('loading', 'lazy')
    attributes.set('decoding', 'async')
    const text = [...attributes].map(([name, value]) => ` ${name}="${value}"`).join('')
    return `<img${text}>`
  })
}

/** `<img>` tags in sanitized HTML whose alt text is missing and that are not marked decorative. */
export function imagesWithoutAlt(html: string): string[] {
  const missing: string[] = []
  for (const [, attributeText] of html.matchAll(IMG_TAG)) {
    const attributes = imgAttributes(attributeText)
    if (attributes.get('title') === DECORATIVE_TITLE) continue
    if (!(attributes.get('alt') ?? '').trim()) missing.push(attributes.get('src') ?? '')
  }
  return missing
}
