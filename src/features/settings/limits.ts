import { MAX_RETENTION_MONTHS } from '../audience'
import { MAX_ALT_LENGTH } from '../media'

/** Each settings field's maximum, in the schema and as the form's `maxlength`/`max`. */
export const SETTINGS_LIMITS = {
  name: 100,
  tagline: 200,
  publicUrl: 200,
  postsPerPage: 50,
  postsPerFeed: 100,
  imagePath: 200,
  alt: MAX_ALT_LENGTH,
  footerText: 500,
  profileUrl: 500,
  retentionMonths: MAX_RETENTION_MONTHS,
} as const
