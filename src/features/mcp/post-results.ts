import type { Db } from '../../db/client'
import type { PostKind, PostStatus } from '../../db/schema'
import { dayOf, viewsByPath } from '../audience'
import { findPostForEditing, findPostIdBySlug } from '../posts'
import { json, type ToolContext } from './tool'
import { postPath } from '../../lib/addresses'

/** The audience window a post's `views` counts: the last 30 days, as the admin list shows. */
const VIEWS_DAYS = 30

type PostRow = {
  id: number
  slug: string
  kind: PostKind
  title: string
  status: PostStatus
  version: number
  publishedAt: Date | null
  updatedAt: Date
}

export const postSummarySchema = json.object({
  id: json.integer,
  slug: json.string,
  kind: json.string,
  title: json.string,
  status: json.string,
  version: json.integer,
  publishedAt: json.nullableString,
  updatedAt: json.string,
  url: json.nullableString,
  editUrl: json.string,
  views: json.integer,
})

/** Where each kind of post is edited in the admin. */
const EDITORS: Record<PostKind, string> = { post: 'posts', note: 'notes', page: 'pages' }

export async function viewsOf(ctx: ToolContext, slugs: string[]) {
  const since = dayOf(Date.now() - (VIEWS_DAYS - 1) * 86_400_000, ctx.site.timeZone)
  return viewsByPath(
    ctx.db,
    slugs.map((slug) => postPath(slug)),
    since,
  )
}

/** What every tool says of a post: where it is, its state and version, its recent views. */
export function postSummary(ctx: ToolContext, post: PostRow, views: Map<string, number>) {
  const live =
    post.status !== 'draft' && post.publishedAt !== null && post.publishedAt.getTime() <= Date.now()
  return {
    id: post.id,
    slug: post.slug,
    kind: post.kind,
    title: post.title,
    status: post.status,
    version: post.version,
    publishedAt: post.publishedAt?.toISOString() ?? null,
    updatedAt: post.updatedAt.toISOString(),
    url: live ? `${ctx.site.url}${postPath(post.slug)}` : null,
    editUrl: `${ctx.site.url}/admin/${EDITORS[post.kind]}/${post.id}`,
    views: views.get(postPath(post.slug)) ?? 0,
  }
}

/** The post an `id` or `slug` argument names, trash included (the tools say when it is there). */
export async function findPostByRef(db: Db, ref: { id?: number; slug?: string }) {
  const id = ref.id ?? (ref.slug === undefined ? null : await findPostIdBySlug(db, ref.slug))
  return id === null ? null : findPostForEditing(db, id)
}

export function notFound(ref: { id?: number; slug?: string }) {
  return ref.id !== undefined
    ? `No post has id ${ref.id}. list_posts and search_posts give the ids.`
    : `No post has the slug “${ref.slug}”. list_posts and search_posts give the slugs.`
}
