// The feature's public surface: the app and other features import only this file.
export { adminMediaRoutes } from './admin-routes'
export { mediaMessagesFor } from './messages'
export {
  findMediaById,
  findMediaByKey,
  findMediaByKeys,
  imagesByKey,
  mediaKeysIn,
  postMediaLinks,
} from './queries'
export type { FeaturedImage, PostImages } from './queries'
export { BODY_SIZES, decorateImages, imagesWithoutAlt } from './responsive-images'
export { mediaRoutes } from './routes'
export { MAX_ALT_LENGTH, MAX_MEDIA_BYTES, storeMedia } from './store'
export type { MediaEnv, StoreMediaError } from './store'
export { MEDIA_KEY, mediaUrl } from './url'
export { FeaturedImageField } from './views/featured-image-field'
export { ImageAltDialog, ImageUploader } from './views/image-upload'
export { MediaImage } from './views/media-image'
export { postImagesQuery, toPostImages } from './queries'
