import { curationAllowedHosts, draftNoteFromLink, noteMessagesFor } from '../../notes'
import { findPostForEditing } from '../../posts'
import { auditAgentWrite } from '../agent-audit'
import { createNoteInput } from '../schemas'
import { postSummary, postSummarySchema, viewsOf } from '../post-results'
import { defineTool, done, json, NO_BYLINE, refuse } from '../tool'

export const createNoteTool = defineTool({
  name: 'create_note',
  title: 'Create a note from a link',
  description:
    'A draft curated note from a web page’s address, as the share target makes one: the page is read once (title, description as the quote, site name, date, image), and title, quote, comment, categoryIds and language given here win. Publish it with publish_post.',
  scope: 'write_drafts',
  input: createNoteInput,
  output: json.object({ ...postSummarySchema.properties, imageKept: json.boolean }, [
    ...postSummarySchema.required,
    'imageKept',
  ]),
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  async run(ctx, args) {
    const n = noteMessagesFor(ctx.site.locale)
    const outcome = await draftNoteFromLink(
      {
        db: ctx.db,
        bucket: ctx.env.MEDIA,
        images: ctx.env.IMAGES,
        allowedHosts: curationAllowedHosts(ctx.request.url, ctx.env.CURATION_ALLOW_HOSTS),
      },
      ctx.agent.user,
      ctx.site,
      args,
    )
    if (outcome.kind === 'noByline') return refuse(NO_BYLINE)
    if (outcome.kind === 'unread')
      return refuse(`The page could not be read: ${n.fetchFailed[outcome.reason]}`)
    if (outcome.kind === 'invalid') {
      const problems = Object.entries(outcome.errors).map(
        ([field, code]) => `${field}: ${n.errors[code!]}`,
      )
      return refuse(`Nothing was saved. ${problems.join(' ')}`)
    }
    if (outcome.kind === 'conflict') return refuse('The note changed meanwhile: nothing was saved.')
    const note = await findPostForEditing(ctx.db, outcome.noteId)
    if (!note) return refuse('The note was saved, then removed by someone else.')
    await auditAgentWrite(ctx, 'create_note', `#${note.id} “${note.title}” from ${note.sourceUrl}`)
    return done({
      ...postSummary(ctx, note, await viewsOf(ctx, [note.slug])),
      imageKept: outcome.imageFailure === null && note.featuredMediaId !== null,
    })
  },
})
