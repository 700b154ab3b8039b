import { decodeAdminPosition, encodeAdminPosition } from '../../posts'
import { listCategories, listPostsForAgents, postsBySlugs } from '../../posts'
import { MATCH_END, MATCH_START, searchPosts, toFtsQuery } from '../../search'
import { findMediaById, mediaUrl } from '../../media'
import { getPostInput, listPostsInput, noInput, searchPostsInput } from '../schemas'
import { findPostByRef, notFound, postSummary, postSummarySchema, viewsOf } from '../post-results'
import { defineTool, done, json, refuse } from '../tool'

/** Matches are marked by SQLite with control characters; agents get plain text. */
const plain = (text: string) => text.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '')

const MAX_CATEGORIES = 500

export const searchPostsTool = defineTool({
  name: 'search_posts',
  title: 'Search posts',
  description:
    'Full-text search of the published posts and notes, as the blog’s own search: title matches first, at most 20 results. Drafts are found with list_posts.',
  scope: 'read',
  input: searchPostsInput,
  output: json.object({
    results: json.array(
      json.object({ ...postSummarySchema.properties, snippet: json.string }, [
        ...postSummarySchema.required,
        'snippet',
      ]),
    ),
    more: json.boolean,
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(ctx, { query }) {
    const fts = toFtsQuery(query)
    if (!fts) return refuse('The query has no letters or digits to search for.')
    const found = await searchPosts(ctx.db, fts, Date.now())
    const slugs = found.posts.map((post) => post.slug)
    const [rows, views] = await Promise.all([postsBySlugs(ctx.db, slugs), viewsOf(ctx, slugs)])
    const results = found.posts.flatMap((hit) => {
      const row = rows.get(hit.slug)
      if (!row) return []
      return [{ ...postSummary(ctx, row, views), snippet: plain(hit.bodySnippet).slice(0, 400) }]
    })
    return done({ results, more: found.more })
  },
})

export const listPostsTool = defineTool({
  name: 'list_posts',
  title: 'List posts',
  description:
    'Posts and notes of every status (not the trash), newest first, 20 a page (limit up to 50). Filter by status (draft, scheduled, published), kind (post, note), category (id or slug) and author (id); pass nextCursor back as cursor for the next page.',
  scope: 'read',
  input: listPostsInput,
  output: json.object({
    posts: json.array(postSummarySchema),
    nextCursor: json.nullableString,
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(ctx, args) {
    const after = args.cursor === undefined ? null : decodeAdminPosition(args.cursor)
    if (args.cursor !== undefined && !after)
      return refuse('This cursor is not one list_posts gave: start again without it.')
    let categoryId: number | null = null
    if (args.category !== undefined) {
      const categories = await listCategories(ctx.db)
      const found = categories.find((category) =>
        typeof args.category === 'number'
          ? category.id === args.category
          : category.slug === args.category,
      )
      if (!found) return refuse(`No category “${args.category}”: list_categories names them.`)
      categoryId = found.id
    }
    const page = await listPostsForAgents(ctx.db, {
      status: args.status ?? null,
      kind: args.kind ?? null,
      categoryId,
      authorId: args.author ?? null,
      after,
      limit: args.limit ?? 20,
    })
    const views = await viewsOf(
      ctx,
      page.posts.map((post) => post.slug),
    )
    return done({
      posts: page.posts.map((post) => postSummary(ctx, post, views)),
      nextCursor: page.next ? encodeAdminPosition(page.next) : null,
    })
  },
})

export const getPostTool = defineTool({
  name: 'get_post',
  title: 'Get a post',
  description:
    'One post or note by id or slug: its Markdown, metadata and version (send the version back to update_post, publish_post…).',
  scope: 'read',
  input: getPostInput,
  output: json.object(
    {
      ...postSummarySchema.properties,
      markdown: json.string,
      excerpt: json.string,
      language: json.string,
      authorId: json.integer,
      categoryIds: json.array(json.integer),
      featuredImage: json.nullableString,
      featuredImageAlt: json.string,
      sourceUrl: json.string,
      inTrash: json.boolean,
    },
    [
      ...postSummarySchema.required,
      'markdown',
      'excerpt',
      'language',
      'authorId',
      'categoryIds',
      'featuredImage',
      'featuredImageAlt',
      'sourceUrl',
      'inTrash',
    ],
  ),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(ctx, ref) {
    const post = await findPostByRef(ctx.db, ref)
    if (!post) return refuse(notFound(ref))
    const [views, featured] = await Promise.all([
      viewsOf(ctx, [post.slug]),
      post.featuredMediaId ? findMediaById(ctx.db, post.featuredMediaId) : null,
    ])
    return done({
      ...postSummary(ctx, post, views),
      markdown: post.markdown,
      excerpt: post.excerpt,
      language: post.language,
      authorId: post.authorId,
      categoryIds: post.categoryIds,
      featuredImage: featured ? `${ctx.site.url}${mediaUrl(featured)}` : null,
      featuredImageAlt: post.featuredImageAlt,
      sourceUrl: post.sourceUrl,
      inTrash: post.deletedAt !== null,
    })
  },
})

export const listCategoriesTool = defineTool({
  name: 'list_categories',
  title: 'List categories',
  description: 'Every category by name: its id (for categoryIds) and slug.',
  scope: 'read',
  input: noInput,
  output: json.object({
    categories: json.array(json.object({ id: json.integer, slug: json.string, name: json.string })),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(ctx) {
    const categories = await listCategories(ctx.db)
    return done({ categories: categories.slice(0, MAX_CATEGORIES) })
  },
})
