import * as v from 'valibot'
import { COMMENT_STATUSES, LANGUAGES, POST_KINDS, POST_STATUSES } from '../../db/schema'
import { FIELD_MAX } from '../../lib/validation/limits'

/**
 * The tools' arguments. Every string is bounded here, before any service sees it; the services
 * then apply the admin's own rules (the post and note schemas, media checks) on top.
 */

export const id = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(Number.MAX_SAFE_INTEGER),
  v.description('The numeric id, as list_posts and get_post give it.'),
)

const slug = v.pipe(v.string(), v.maxLength(FIELD_MAX.slug), v.description('The post’s slug.'))

const version = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(2_147_483_647),
  v.description(
    'The version get_post returned. A post saved since then is not overwritten: the error names the current version.',
  ),
)

const categoryIds = v.pipe(
  v.array(id),
  v.maxLength(FIELD_MAX.categoriesPerPost),
  v.description('Category ids from list_categories.'),
)

const language = v.pipe(v.picklist(LANGUAGES), v.description('The text’s language.'))

/** Either the id or the slug of a post (or note). */
const postRef = {
  id: v.optional(id),
  slug: v.optional(slug),
}

const oneOfIdOrSlug = <T extends { id?: number; slug?: string }>() =>
  v.check<T, string>(
    (input) => (input.id === undefined) !== (input.slug === undefined),
    'Give either id or slug, not both.',
  )

const title = v.pipe(v.string(), v.maxLength(FIELD_MAX.title))
/** Longer than any post may be (256 KB): the post schema says how long it may be. */
const markdown = v.pipe(v.string(), v.maxLength(300_000))
const excerpt = v.pipe(v.string(), v.maxLength(FIELD_MAX.excerpt))

export const searchPostsInput = v.object({
  query: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(200),
    v.description('Words to find, as a reader types them in the blog’s search.'),
  ),
})

export const listPostsInput = v.object({
  status: v.optional(v.picklist(POST_STATUSES)),
  kind: v.optional(v.picklist(POST_KINDS)),
  category: v.optional(v.union([id, v.pipe(v.string(), v.maxLength(FIELD_MAX.slug))])),
  author: v.optional(id),
  cursor: v.optional(
    v.pipe(v.string(), v.maxLength(40), v.description('The nextCursor of the previous page.')),
  ),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
})

export const getPostInput = v.pipe(v.object(postRef), oneOfIdOrSlug())

export const createPostInput = v.object({
  title,
  markdown,
  slug: v.optional(slug),
  excerpt: v.optional(excerpt),
  categoryIds: v.optional(categoryIds),
  language: v.optional(language),
})

export const updatePostInput = v.pipe(
  v.object({
    ...postRef,
    version,
    title: v.optional(title),
    markdown: v.optional(markdown),
    excerpt: v.optional(excerpt),
    newSlug: v.optional(slug),
    categoryIds: v.optional(categoryIds),
    language: v.optional(language),
  }),
  oneOfIdOrSlug(),
)

export const statusChangeInput = v.pipe(v.object({ ...postRef, version }), oneOfIdOrSlug())

export const schedulePostInput = v.pipe(
  v.object({
    ...postRef,
    version,
    at: v.pipe(
      v.string(),
      v.maxLength(40),
      v.isoTimestamp(),
      v.description('When it goes live, ISO 8601 with an offset: 2026-09-01T09:00:00+02:00.'),
    ),
  }),
  oneOfIdOrSlug(),
)

export const createNoteInput = v.object({
  url: v.pipe(v.string(), v.maxLength(2000), v.url(), v.description('The page to quote.')),
  title: v.optional(title),
  quote: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  comment: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
  categoryIds: v.optional(categoryIds),
  language: v.optional(language),
})

/** 10 MB of image, base64-encoded. */
const MAX_BASE64_LENGTH = Math.ceil((10 * 1024 * 1024) / 3) * 4

export const uploadImageInput = v.pipe(
  v.object({
    url: v.optional(v.pipe(v.string(), v.maxLength(2000), v.url())),
    base64: v.optional(
      v.pipe(v.string(), v.maxLength(MAX_BASE64_LENGTH), v.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
    ),
    alt: v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1, 'alt is required: describe the image for readers who cannot see it.'),
      v.maxLength(500),
    ),
    filename: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  v.check(
    (input) => (input.url === undefined) !== (input.base64 === undefined),
    'Give either url or base64, not both.',
  ),
)

export const noInput = v.object({})

const day = v.pipe(
  v.string(),
  v.isoDate(),
  v.description('A day, YYYY-MM-DD, in the site’s time zone.'),
)

export const getAudienceInput = v.object({ from: day, to: day })

/** A position in a newest-first list: what list_posts and list_comments give as nextCursor. */
const cursor = v.pipe(
  v.string(),
  v.maxLength(40),
  v.description('The nextCursor of the previous page.'),
)

export const listCommentsInput = v.object({
  status: v.optional(
    v.pipe(v.picklist(COMMENT_STATUSES), v.description('Which list: pending (held) by default.')),
    'pending',
  ),
  query: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(200),
      v.description('Words in the comment’s text or the commenter’s name.'),
    ),
  ),
  post: v.optional(
    v.pipe(
      v.union([id, v.pipe(v.string(), v.maxLength(FIELD_MAX.slug))]),
      v.description('Only the comments on this post, note or page: its id or slug.'),
    ),
  ),
  cursor: v.optional(cursor),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
})

/** At most 50 comments a call, as a page of list_comments. */
export const MAX_MODERATED = 50

export const moderateCommentsInput = v.object({
  ids: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER))),
    v.minLength(1),
    v.maxLength(MAX_MODERATED),
    v.description(`Comment ids, as list_comments gives them: one to ${MAX_MODERATED}.`),
  ),
})
