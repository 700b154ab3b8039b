import type { Media } from '../../../db/schema'
import type { MediaMessages } from '../messages'
import { mediaUrl } from '../url'
import { FieldError } from '../../../ui/admin-nav'

type FeaturedImageFieldProps = {
  m: MediaMessages
  path: string
  alt: string
  /** The chosen image when it exists, for its preview. */
  image: Pick<Media, 'key' | 'width' | 'height'> | null
  errors: { featuredImage?: string; featuredImageAlt?: string }
}

/**
 * The post's featured image: a path to an uploaded image (typed, or filled by the library
 * chooser and the upload button in media-editor.js) and its alt text.
 */
export function FeaturedImageField({ m, path, alt, image, errors }: FeaturedImageFieldProps) {
  return (
    <fieldset class="featured-field">
      <legend>{m.featuredImage}</legend>
      <p class="help" id="featured-help">
        {m.featuredHelp}
      </p>
      <div class="featured-preview" id="featured-preview-box" hidden={!image}>
        <img
          id="featured-preview"
          src={image ? mediaUrl(image) : undefined}
          width={image?.width ?? 1}
          height={image?.height ?? 1}
          alt=""
        />
      </div>
      <label>
        {m.featuredPath}
        <input
          name="featuredImage"
          id="featured-image"
          value={path}
          maxlength={200}
          pattern="/media/[0-9a-f]{64}\.(jpg|png|webp|avif|gif)"
          aria-invalid={errors.featuredImage ? 'true' : undefined}
          aria-describedby={errors.featuredImage ? 'featuredImage-error' : 'featured-help'}
        />
      </label>
      <FieldError id="featuredImage-error" message={errors.featuredImage} />
      <label>
        {m.featuredAlt}
        <input
          name="featuredImageAlt"
          id="featured-image-alt"
          value={alt}
          maxlength={500}
          aria-invalid={errors.featuredImageAlt ? 'true' : undefined}
          aria-describedby={errors.featuredImageAlt ? 'featuredImageAlt-error' : undefined}
        />
      </label>
      <FieldError id="featuredImageAlt-error" message={errors.featuredImageAlt} />
      <div class="form-actions featured-actions" hidden>
        <label class="file-button">
          {m.upload}
          <input
            type="file"
            id="featured-file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          />
        </label>
        <button
          type="button"
          class="link-button"
          id="featured-choose"
          aria-expanded="false"
          aria-controls="featured-library"
        >
          {m.choose}
        </button>
        <button type="button" class="link-button" id="featured-remove">
          {m.remove}
        </button>
      </div>
      <div id="featured-library" class="featured-library" hidden></div>
    </fieldset>
  )
}
