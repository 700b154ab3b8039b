import type { MediaListItem } from '../queries'
import { mediaUrl } from '../store'

/** The featured image chooser's list: one button per image, read by media-editor.js. */
export function MediaLibrary({ items }: { items: MediaListItem[] }) {
  return (
    <ul class="media-library">
      {items.map(({ media }) => (
        <li>
          <button
            type="button"
            class="library-item"
            data-path={mediaUrl(media)}
            data-width={String(media.width)}
            data-height={String(media.height)}
            data-alt={media.alt}
            aria-label={media.alt || media.key}
          >
            <img
              src={mediaUrl(media)}
              alt=""
              width={media.width}
              height={media.height}
              loading="lazy"
              decoding="async"
            />
          </button>
        </li>
      ))}
    </ul>
  )
}
