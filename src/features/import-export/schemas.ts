import * as v from 'valibot'

/** What the admin accepts in one upload; larger blogs use `npm run import`. */
export const MAX_UPLOAD_MB = 50

export const importUploadSchema = v.object({
  file: v.pipe(
    v.file('fileRequired'),
    v.minSize(1, 'fileRequired'),
    v.maxSize(MAX_UPLOAD_MB * 1024 * 1024, 'fileTooLarge'),
  ),
})
