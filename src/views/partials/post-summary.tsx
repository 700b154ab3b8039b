import type { PostSummary as Summary } from '../../db/feed'
import type { Site } from '../../types'
import { typeset } from '../../lib/typography'
import { Byline } from './byline'
import { ReadAtSource } from './note-source'

export function PostSummary({ site, post }: { site: Site; post: Summary }) {
  const isNote = post.kind === 'note'
  return (
    <article
      class={isNote ? 'post-summary note-summary' : 'post-summary'}
      lang={post.language}
      data-post-id={post.id}
    >
      <h2>
        <a href={`/posts/${post.slug}`}>{typeset(post.title, post.language)}</a>
      </h2>
      <Byline
        site={site}
        author={post.author}
        publishedAt={post.publishedAt}
        categories={post.categories}
      />
      <p class="excerpt">{typeset(post.excerpt, post.language)}</p>
      {isNote && post.sourceUrl && <ReadAtSource site={site} sourceUrl={post.sourceUrl} />}
    </article>
  )
}
