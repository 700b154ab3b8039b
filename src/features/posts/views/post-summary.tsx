import type { PostSummary as Summary } from '../list-queries'
import type { Site } from '../../../types'
import { typeset } from '../../../lib/typography'
import { Byline } from './byline'
import { MediaImage } from '../../media'
import { ReadAtSource } from './note-source'
import { postPath } from '../../../lib/addresses'
import { titleDirection } from '../../../lib/direction'

// The thumbnail box in site.css: 8rem wide at most.
const THUMBNAIL_SIZES = '8rem'

export function PostSummary({
  site,
  post,
  eagerImage = false,
}: {
  site: Site
  post: Summary
  eagerImage?: boolean
}) {
  const image = post.featuredImage
  const isNote = post.kind === 'note'
  const classes = ['post-summary', isNote && 'note-summary', image && 'has-thumbnail']
  return (
    <article class={classes.filter(Boolean).join(' ')} lang={post.language} data-post-id={post.id}>
      <h2 dir={titleDirection(post.title)}>
        <a href={postPath(post.slug)}>{typeset(post.title, post.language)}</a>
      </h2>
      <Byline
        site={site}
        author={post.author}
        publishedAt={post.publishedAt}
        categories={post.categories}
        language={post.language}
      />
      <p class="excerpt">{typeset(post.excerpt, post.language)}</p>
      {isNote && post.sourceUrl && <ReadAtSource site={site} sourceUrl={post.sourceUrl} />}
      {image && (
        // The title link next to it already names the post: the thumbnail adds nothing to read.
        <a class="thumbnail" href={postPath(post.slug)} tabindex={-1} aria-hidden="true">
          <MediaImage
            image={image}
            alt=""
            sizes={THUMBNAIL_SIZES}
            eager={eagerImage}
            responsive={site.responsiveImages}
          />
        </a>
      )}
    </article>
  )
}
