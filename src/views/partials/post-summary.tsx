import type { PostSummary as Summary } from '../../db/feed'
import type { Site } from '../../types'
import { typeset } from '../../lib/typography'
import { Byline } from './byline'

export function PostSummary({ site, post }: { site: Site; post: Summary }) {
  return (
    <article class="post-summary" lang={post.language} data-post-id={post.id}>
      <h2>
        <a href={`/posts/${post.slug}`}>{typeset(post.title, post.language)}</a>
      </h2>
      <Byline
        site={site}
        author={post.author}
        publishedAt={post.publishedAt}
        categories={post.categories}
        language={post.language}
      />
      <p class="excerpt">{typeset(post.excerpt, post.language)}</p>
    </article>
  )
}
