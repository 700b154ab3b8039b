import * as v from 'valibot'
import { MAX_ALT_LENGTH } from './store'

/** An upload form: the file itself is checked by its bytes in media/store. */
export const uploadForm = v.object({
  file: v.optional(v.union([v.instance(File), v.string()])),
  alt: v.optional(v.pipe(v.string(), v.maxLength(MAX_ALT_LENGTH, 'altTooLong')), ''),
})

export type UploadForm = v.InferOutput<typeof uploadForm>

export const mediaIdParam = v.object({
  id: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/), v.transform(Number)),
})

export const mediaListQuery = v.object({
  before: v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/), v.transform(Number))),
  uploaded: v.optional(v.string()),
  deleted: v.optional(v.string()),
})
