import type { PostSummary as Summary } from '../list-queries'
import type { Site } from '../../../types'
import { LoadMore } from './load-more'
import { PostSummary } from './post-summary'

type FeedChunkProps = {
  site: Site
  posts: Summary[]
  nextHref: string | null
  /** The top of a page (not a Load More chunk): its first thumbnail is loaded at once. */
  startsPage?: boolean
}

/** Posts followed by the link to the ones after them; the whole list ends without a link. */
export function FeedChunk({ site, posts, nextHref, startsPage }: FeedChunkProps) {
  const firstImage = startsPage ? posts.find((post) => post.featuredImage) : undefined
  return (
    <>
      {posts.map((post) => (
        <PostSummary site={site} post={post} eagerImage={post === firstImage} />
      ))}
      {nextHref ? (
        <LoadMore site={site} href={nextHref} />
      ) : (
        posts.length > 0 && <p class="feed-end">{site.t.noMorePosts}</p>
      )}
    </>
  )
}

/** What a Load More request gets: the next posts, and a line for screen readers saying so. */
export function FeedChunkFragment(props: FeedChunkProps) {
  return (
    <>
      <FeedChunk {...props} />
      <p id="feed-status" hx-swap-oob="innerHTML">
        {props.site.t.morePostsLoaded(props.posts.length)}
      </p>
    </>
  )
}
