/**
 * Every text field's maximum, enforced by the schemas in this folder and repeated as the
 * `maxlength` of its input, so the browser and the server agree.
 */
export const FIELD_MAX = {
  title: 200,
  /** A post's address; far longer ones make URLs that proxies refuse (431). */
  slug: 100,
  excerpt: 1000,
  categoryName: 60,
  /** Ticked categories plus a new one, per post. */
  categoriesPerPost: 20,
  editorName: 100,
  email: 254,
  password: 1024,
  /** Admin title search: D1 refuses LIKE patterns over 50 bytes; see `boundedSearch`. */
  search: 24,
  /** A note sent with a post submitted for review, or back with it. */
  reviewNote: 2000,
} as const

/** A post body, in UTF-8 bytes. */
export const MAX_BODY_BYTES = 256 * 1024

/** D1's limit on a LIKE or GLOB pattern, in bytes. */
export const MAX_LIKE_PATTERN_BYTES = 50
