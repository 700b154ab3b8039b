import { base64ToBytes } from '../../../lib/encoding'
import { isImage, safeFetch } from '../../../lib/safe-fetch'
import { MAX_MEDIA_BYTES, mediaMessagesFor, mediaUrl, storeMedia } from '../../media'
import { curationAllowedHosts, noteMessagesFor } from '../../notes'
import { auditAgentWrite } from '../agent-audit'
import { uploadImageInput } from '../schemas'
import { defineTool, done, json, refuse, type ToolContext } from '../tool'

async function imageBytes(
  ctx: ToolContext,
  args: { url?: string; base64?: string },
): Promise<{ ok: true; bytes: Uint8Array; name?: string } | { ok: false; message: string }> {
  if (args.base64 !== undefined) {
    try {
      return { ok: true, bytes: base64ToBytes(args.base64) }
    } catch {
      return { ok: false, message: '`base64` is not valid base64.' }
    }
  }
  const image = await safeFetch(args.url!, {
    allowedHosts: curationAllowedHosts(ctx.request.url, ctx.env.CURATION_ALLOW_HOSTS),
    accept: isImage,
    maxBytes: MAX_MEDIA_BYTES,
    refuseLarger: true,
  })
  if (!image.ok)
    return {
      ok: false,
      message: `The image could not be fetched: ${noteMessagesFor(ctx.site.locale).fetchFailed[image.reason]}`,
    }
  return { ok: true, bytes: image.bytes, name: new URL(image.url).pathname.split('/').pop() }
}

export const uploadImageTool = defineTool({
  name: 'upload_image',
  title: 'Upload an image',
  description:
    'Adds an image to the media library from a url (fetched safely) or base64 bytes, with its alt text (required). JPEG, PNG, WebP, AVIF or GIF, at most 10 MB and 8,000 px a side; location and camera metadata are removed. Put the returned markdown in a post.',
  scope: 'write_drafts',
  input: uploadImageInput,
  output: json.object({
    id: json.integer,
    url: json.string,
    path: json.string,
    width: json.integer,
    height: json.integer,
    alt: json.string,
    markdown: json.string,
    deduplicated: json.boolean,
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  async run(ctx, args) {
    const fetched = await imageBytes(ctx, args)
    if (!fetched.ok) return refuse(fetched.message)
    const stored = await storeMedia(
      { db: ctx.db, bucket: ctx.env.MEDIA, images: ctx.env.IMAGES },
      {
        bytes: fetched.bytes,
        createdBy: ctx.agent.user.id,
        alt: args.alt,
        filename: args.filename ?? fetched.name,
      },
    )
    if (!stored.ok)
      return refuse(
        `The image was refused: ${mediaMessagesFor(ctx.site.locale).errors[stored.code]}`,
      )
    const { media, deduplicated } = stored
    const path = mediaUrl(media)
    await auditAgentWrite(ctx, 'upload_image', `${path} “${media.alt}”`)
    return done({
      id: media.id,
      url: `${ctx.site.url}${path}`,
      path,
      width: media.width,
      height: media.height,
      alt: media.alt,
      markdown: `![${media.alt.replace(/[[\]\\]/g, '\\$&')}](${path})`,
      deduplicated,
    })
  },
})
