import type { ImageBox } from '../responsive-images'
import { responsiveAttributes } from '../responsive-images'
import { mediaUrl } from '../url'

type MediaImageProps = {
  image: ImageBox
  alt: string
  sizes: string
  /** The first image of the page: fetched at once instead of lazily. */
  eager?: boolean
  responsive: boolean
  class?: string
}

/** An uploaded image with its stored size, so the browser reserves its box before it loads. */
export function MediaImage({ image, alt, sizes, eager, responsive, ...rest }: MediaImageProps) {
  return (
    <img
      src={mediaUrl(image)}
      alt={alt}
      width={image.width}
      height={image.height}
      loading={eager ? undefined : 'lazy'}
      fetchpriority={eager ? 'high' : undefined}
      decoding="async"
      {...responsiveAttributes(image, { responsive, sizes })}
      class={rest.class}
    />
  )
}
