import type { Db } from '../../db/client'
import { findMediaByKey, imagesByKey } from '../media'
import type { PostFormErrors, PostFormValues } from './schemas'
import { imagesWithoutAlt } from '../media'
import { MAX_ALT_LENGTH } from '../media'
import { MEDIA_KEY } from '../media'

const MEDIA_PATH = new RegExp(`^(?:https?://[^/]+)?/media/(${MEDIA_KEY})$`)

export type CheckedPostImages = {
  errors: PostFormErrors
  featuredMediaId: number | null
  featuredImageAlt: string
}

/**
 * The featured image must be an uploaded one; once a post is out of draft, every image it shows
 * needs an alt text unless it is marked decorative (`![](/media/… "decorative")`).
 */
export async function checkPostImages(
  db: Db,
  values: PostFormValues,
  status: string,
  html: string,
): Promise<CheckedPostImages> {
  const errors: PostFormErrors = {}
  const featuredImageAlt = values.featuredImageAlt.trim()
  let featuredMediaId: number | null = null
  if (values.featuredImage) {
    const key = MEDIA_PATH.exec(values.featuredImage)?.[1]
    const media = key ? await findMediaByKey(db, key) : null
    if (media) featuredMediaId = media.id
    else errors.featuredImage = 'featuredImageUnknown'
  }
  if (featuredImageAlt.length > MAX_ALT_LENGTH) errors.featuredImageAlt = 'featuredAltTooLong'
  if (status !== 'draft') {
    if (values.featuredImage && !featuredImageAlt) errors.featuredImageAlt = 'featuredAltMissing'
    const missing = imagesWithoutAlt(html)
    if (missing.length > 0) errors.markdown = { imageAltMissing: missing }
  }
  return { errors, featuredMediaId, featuredImageAlt }
}

/** The editor's preview images and the featured image its form names, when they exist. */
export async function editorImages(db: Db, html: string, featuredPath: string) {
  const key = MEDIA_PATH.exec(featuredPath)?.[1]
  const [byKey, featured] = await Promise.all([
    imagesByKey(db, html),
    key ? findMediaByKey(db, key) : Promise.resolve(null),
  ])
  return { byKey, featured }
}
