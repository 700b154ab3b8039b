import { findMediaById, mediaUrl } from '../../media'
import { defaultBylineId, formValuesOf, type EditedPost } from '../../posts'
import { createPostInput, updatePostInput } from '../schemas'
import { findPostByRef, notFound, postSummarySchema } from '../post-results'
import { saveAsAgent } from '../post-saves'
import { scopeRefusal } from '../scope'
import { defineTool, NO_BYLINE, refuse, type ToolContext } from '../tool'

/** The editor's form for a stored post, as the admin would load it. */
export async function storedForm(ctx: ToolContext, post: EditedPost) {
  const featured = post.featuredMediaId ? await findMediaById(ctx.db, post.featuredMediaId) : null
  return formValuesOf(post, ctx.site.timeZone, featured ? mediaUrl(featured) : '')
}

/** Whether readers see the post, or will at its date: changing it then takes Publish. */
export const isOutOfDraft = (post: EditedPost) => post.status !== 'draft'

export const createPostTool = defineTool({
  name: 'create_post',
  title: 'Create a draft post',
  description:
    'A new draft post from a title and Markdown (slug, excerpt, categoryIds and language optional). It stays a draft until publish_post or schedule_post; the result gives its id and version.',
  scope: 'write_drafts',
  input: createPostInput,
  output: postSummarySchema,
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
  async run(ctx, args) {
    const authorId = await defaultBylineId(ctx.db, ctx.agent.user)
    if (!authorId) return refuse(NO_BYLINE)
    return saveAsAgent(ctx, 'create_post', null, {
      title: args.title,
      slug: args.slug ?? '',
      excerpt: args.excerpt ?? '',
      markdown: args.markdown.replace(/\r\n/g, '\n'),
      categoryIds: (args.categoryIds ?? []).map(String),
      newCategory: '',
      language: args.language ?? ctx.site.locale,
      authorId: authorId ? String(authorId) : '',
      status: 'draft',
      publishDate: '',
      publishTime: '',
      timeZone: ctx.site.timeZone,
      version: '',
      featuredImage: '',
      featuredImageAlt: '',
      showInNavigation: '',
      review: '',
      reviewNote: '',
      emailSubscribers: '',
      emailSubscribersShown: '',
      commentsClosed: '',
    })
  },
})

export const updatePostTool = defineTool({
  name: 'update_post',
  title: 'Update a post',
  description:
    'Changes a post’s title, markdown, excerpt, slug (newSlug), categoryIds or language; what is left out stays. Requires the version get_post gave: if someone saved since, nothing is saved and the error names the current version. Editing a scheduled or published post needs the Publish scope.',
  scope: 'write_drafts',
  input: updatePostInput,
  output: postSummarySchema,
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
  async run(ctx, args) {
    const post = await findPostByRef(ctx.db, args)
    if (!post) return refuse(notFound(args))
    if (isOutOfDraft(post)) {
      const refusal = scopeRefusal(ctx.agent, 'publish', 'Editing a scheduled or published post')
      if (refusal) return refuse(refusal)
    }
    const values = await storedForm(ctx, post)
    return saveAsAgent(ctx, 'update_post', post.id, {
      ...values,
      title: args.title ?? values.title,
      markdown: args.markdown?.replace(/\r\n/g, '\n') ?? values.markdown,
      excerpt: args.excerpt ?? values.excerpt,
      slug: args.newSlug ?? values.slug,
      categoryIds: args.categoryIds?.map(String) ?? values.categoryIds,
      language: args.language ?? values.language,
      version: String(args.version),
    })
  },
})
