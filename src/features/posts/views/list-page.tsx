import type { PostSummary as Summary } from '../list-queries'
import type { Site } from '../../../types'
import { typeset } from '../../../lib/typography'
import { FeedChunk } from './list-chunk'

type FeedPageProps = {
  site: Site
  heading: string | null
  intro?: { text: string; language: string }
  posts: Summary[]
  nextHref: string | null
  /** Set on pages that start part-way down the list, which readers reach without JavaScript. */
  firstPageHref: string | null
}

export function FeedPage(props: FeedPageProps) {
  const { site, heading, intro, posts, nextHref, firstPageHref } = props
  return (
    <>
      {heading ? (
        <h1 class="feed-heading">{heading}</h1>
      ) : (
        // The home page's one heading: the site name is in the header, this names the page.
        <h1 class="visually-hidden">{site.name}</h1>
      )}
      {intro?.text && <p class="feed-intro">{typeset(intro.text, intro.language)}</p>}
      {firstPageHref && (
        <p class="feed-back">
          <a href={firstPageHref}>{site.t.backToLatest}</a>
        </p>
      )}
      <div class="feed" id="feed">
        {posts.length === 0 && <p class="feed-empty">{site.t.noPosts}</p>}
        <FeedChunk site={site} posts={posts} nextHref={nextHref} startsPage />
      </div>
      <p id="feed-status" class="visually-hidden" role="status" aria-live="polite"></p>
    </>
  )
}
