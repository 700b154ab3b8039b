import { epochToZonedInputs } from '../../../lib/dates'
import { schedulePostInput, statusChangeInput } from '../schemas'
import { findPostByRef, notFound, postSummarySchema } from '../post-results'
import { saveAsAgent } from '../post-saves'
import { defineTool, refuse } from '../tool'
import { storedForm } from './write-tools'

export const publishPostTool = defineTool({
  name: 'publish_post',
  title: 'Publish a post',
  description:
    'Puts a draft or scheduled post (or note) on the site now. Requires its version. The admin’s rules apply: every image needs alt text.',
  scope: 'publish',
  input: statusChangeInput,
  output: postSummarySchema,
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
  async run(ctx, args) {
    const post = await findPostByRef(ctx.db, args)
    if (!post) return refuse(notFound(args))
    const values = await storedForm(ctx, post)
    // A live post keeps its date; anything else goes live now.
    const live = values.status === 'published'
    return saveAsAgent(ctx, 'publish_post', post.id, {
      ...values,
      status: 'published',
      publishDate: live ? values.publishDate : '',
      publishTime: live ? values.publishTime : '',
      version: String(args.version),
    })
  },
})

export const schedulePostTool = defineTool({
  name: 'schedule_post',
  title: 'Schedule a post',
  description:
    'Sets a post (or note) to go live at a future time (`at`, ISO 8601 with an offset). Requires its version.',
  scope: 'publish',
  input: schedulePostInput,
  output: postSummarySchema,
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
  async run(ctx, args) {
    const at = Date.parse(args.at)
    if (Number.isNaN(at)) return refuse('`at` is not a date and time.')
    if (at <= Date.now()) return refuse('`at` has passed: use publish_post to publish now.')
    const post = await findPostByRef(ctx.db, args)
    if (!post) return refuse(notFound(args))
    const values = await storedForm(ctx, post)
    // The form's minutes: a time between two minutes goes live at the earlier one.
    const when = epochToZonedInputs(at, ctx.site.timeZone)
    return saveAsAgent(ctx, 'schedule_post', post.id, {
      ...values,
      status: 'scheduled',
      publishDate: when.date,
      publishTime: when.time,
      version: String(args.version),
    })
  },
})

export const unpublishPostTool = defineTool({
  name: 'unpublish_post',
  title: 'Unpublish a post',
  description:
    'Takes a published or scheduled post (or note) off the site: it becomes a draft again. Requires its version.',
  scope: 'publish',
  input: statusChangeInput,
  output: postSummarySchema,
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
  async run(ctx, args) {
    const post = await findPostByRef(ctx.db, args)
    if (!post) return refuse(notFound(args))
    const values = await storedForm(ctx, post)
    return saveAsAgent(ctx, 'unpublish_post', post.id, {
      ...values,
      status: 'draft',
      version: String(args.version),
    })
  },
})
