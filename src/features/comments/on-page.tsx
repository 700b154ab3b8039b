import type { Context } from 'hono'
import type { AppEnv } from '../../types'
import { formToken } from './form-token'
import { commentsAllowed, commentsOnPost, type CommentsOnPost } from './queries'
import { CommentsSection } from './views/comments-section'

/** Where a post's (or page's) comments are posted: under its own address. */
export const commentsAction = (post: { slug: string; kind: string }) =>
  post.kind === 'page'
    ? `/${encodeURIComponent(post.slug)}/comments`
    : `/posts/${encodeURIComponent(post.slug)}/comments`

/**
 * The comments and the form under a post, note or page. The form's token holds the render time:
 * a cached page keeps it, and it stays valid longer than the cache keeps the page.
 */
export async function commentsBlock(
  c: Context<AppEnv>,
  post: {
    id: number
    slug: string
    kind: string
    language: string
    publishedAt: Date | null
  },
  /** Read already, in the page's own batch (posts/queries.ts). */
  loaded?: CommentsOnPost,
) {
  const { comments, settings, commentsOpen } = loaded ?? (await commentsOnPost(c.var.db, post.id))
  const now = Date.now()
  if (post.kind === 'page' && !settings.onPages && !comments.length) return null
  const open = commentsAllowed({ ...post, commentsOpen }, settings, now)
  return (
    <CommentsSection
      language={post.language}
      timeZone={c.var.site.timeZone}
      action={commentsAction(post)}
      comments={comments}
      token={open ? await formToken(c.env.AUTH_PEPPER, post.id, now) : null}
    />
  )
}
