import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { sValidator } from '@hono/standard-validator'
import * as v from 'valibot'
import {
  MEDIA_PAGE_SIZE,
  deleteMediaIfUnused,
  listMedia,
  whereMediaIsUsed,
  findMediaById,
} from './queries'
import { mediaMessagesFor } from './messages'
import { MAX_MEDIA_BYTES, mediaUrl, storeMedia, type StoreMediaResult } from './store'
import { refuseUnless, requireEditor } from '../auth'
import { mayDeleteMedia } from './media-access'
import type { AdminEnv, EditorEnv } from '../../types'
import { mediaIdParam, mediaListQuery, uploadForm } from './schemas'
import { lenientQuery, validParams } from '../../lib/validation/form'
import { MediaPage, type UploadFormValues } from './views/media-page'
import { MediaLibrary } from './views/media-library'
import type { MediaUse } from './queries'

type MediaContext = Context<EditorEnv>

function wantsJson(c: MediaContext): boolean {
  return (c.req.header('Accept') ?? '').includes('application/json')
}

async function renderMediaPage(
  c: MediaContext,
  options: {
    form?: UploadFormValues
    errors?: Partial<Record<'file' | 'alt', string>>
    notice?: string | null
    refused?: { key: string; uses: MediaUse[] } | null
    beforeId?: number | null
  } = {},
) {
  const { db, site, a } = c.var
  const m = mediaMessagesFor(site.locale)
  const items = await listMedia(db, options.beforeId ?? null)
  const last = items.at(-1)
  return c.render(
    <MediaPage
      site={site}
      a={a}
      m={m}
      editor={c.var.editor}
      items={items}
      olderHref={
        items.length === MEDIA_PAGE_SIZE && last ? `/admin/media?before=${last.media.id}` : null
      }
      form={options.form ?? { alt: '' }}
      errors={options.errors ?? {}}
      notice={options.notice}
      refused={options.refused}
    />,
    { title: m.mediaTitle, admin: true },
  )
}

/** JSON for the editor's upload widget; the media page for the plain form. */
function uploadResponse(c: MediaContext, result: StoreMediaResult, form: UploadFormValues) {
  const m = mediaMessagesFor(c.var.site.locale)
  if (!result.ok) {
    const message = m.errors[result.code]
    if (wantsJson(c)) return c.json({ ok: false, code: result.code, message }, result.status)
    c.status(result.status)
    return renderMediaPage(c, { form, errors: { file: message } })
  }
  const { media, deduplicated } = result
  if (wantsJson(c)) {
    return c.json(
      {
        ok: true,
        id: media.id,
        url: mediaUrl(media),
        width: media.width,
        height: media.height,
        alt: media.alt,
        deduplicated,
      },
      deduplicated ? 200 : 201,
    )
  }
  return c.redirect(`/admin/media?uploaded=${deduplicated ? 'again' : 'new'}`, 303)
}

// Room for the multipart envelope around a 10 MB file; media/store checks the file itself.
const MAX_UPLOAD_REQUEST_BYTES = MAX_MEDIA_BYTES + 64 * 1024

export const adminMediaRoutes = new Hono<AdminEnv>()
  .use(requireEditor)
  .get(
    '/',
    // A query that does not fit is ignored: the library's first page.
    lenientQuery(v.fallback(mediaListQuery, {})),
    async (c) => {
      const m = mediaMessagesFor(c.var.site.locale)
      const { before, uploaded, deleted } = c.req.valid('query')
      const notice =
        uploaded === 'again' ? m.alreadyStored : uploaded ? m.uploaded : deleted ? m.deleted : null
      return renderMediaPage(c, { notice, beforeId: before ?? null })
    },
  )
  .get('/library', async (c) => c.html(<MediaLibrary items={await listMedia(c.var.db)} />))
  .post(
    '/',
    bodyLimit({
      maxSize: MAX_UPLOAD_REQUEST_BYTES,
      onError: (c) =>
        uploadResponse(
          c as MediaContext,
          {
            ok: false,
            status: 413,
            code: 'tooLarge',
            message: '',
          },
          { alt: '' },
        ),
    }),
    sValidator('form', uploadForm, (result, c: MediaContext) => {
      if (result.success) return
      // The only field that can be refused is the alt text: it comes back as typed.
      const m = mediaMessagesFor(c.var.site.locale)
      const alt = (result.data as { alt?: unknown }).alt
      const form = { alt: typeof alt === 'string' ? alt : '' }
      if (wantsJson(c))
        return c.json({ ok: false, code: 'altTooLong', message: m.errors.altTooLong }, 422)
      c.status(422)
      return renderMediaPage(c, { form, errors: { alt: m.errors.altTooLong } })
    }),
    async (c) => {
      const input = c.req.valid('form')
      const form = { alt: input.alt }
      const file = input.file instanceof File ? input.file : null
      const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array()
      const result = await storeMedia(
        { db: c.var.db, bucket: c.env.MEDIA, images: c.env.IMAGES },
        { bytes, createdBy: c.var.editor.id, alt: form.alt, filename: file?.name },
      )
      return uploadResponse(c, result, form)
    },
  )
  .post('/:id/delete', validParams(mediaIdParam), async (c) => {
    const { db } = c.var
    const { id } = c.req.valid('param')
    const media = await findMediaById(db, id)
    if (!media) throw new HTTPException(404)
    refuseUnless(c, mayDeleteMedia(c.var.editor, media))
    const deleted = await deleteMediaIfUnused(db, id)
    if (!deleted) {
      c.status(409)
      return renderMediaPage(c, {
        refused: { key: media.key, uses: await whereMediaIsUsed(db, id) },
      })
    }
    // The same bytes may be uploaded again later: they get a new record and a new put.
    await c.env.MEDIA.delete(deleted.key)
    return c.redirect('/admin/media?deleted=1', 303)
  })
