import { raw } from 'hono/html'
import type { PostImages } from '../../media'
import type { PublishedPost } from '../queries'
import { BODY_SIZES, decorateImages } from '../../media'
import type { Site } from '../../../types'
import { typeset } from '../../../lib/typography'
import { Byline } from './byline'
import { NoteQuote } from './note-quote'
import { MediaImage } from '../../media'
import { postPath } from '../../../lib/addresses'
import { titleDirection } from '../../../lib/direction'
import { SubscribeForm } from '../../subscriptions'

export function PostPage({
  site,
  post,
  images,
}: {
  site: Site
  post: PublishedPost
  images: PostImages
}) {
  const { featured } = images
  const body = decorateImages(post.html, images.byKey, {
    first: !featured,
    responsive: site.responsiveImages,
    sizes: BODY_SIZES,
  })
  return (
    <>
      <article class="post" lang={post.language}>
        <header>
          <h1 dir={titleDirection(post.title)}>{typeset(post.title, post.language)}</h1>
          <Byline
            site={site}
            author={post.author}
            publishedAt={post.publishedAt}
            categories={post.categories}
            language={post.language}
          />
        </header>
        {featured && (
          <figure class="featured-image">
            <MediaImage
              image={featured}
              alt={featured.alt}
              sizes={BODY_SIZES}
              eager
              responsive={site.responsiveImages}
            />
          </figure>
        )}
        {post.kind === 'note' && <NoteQuote site={site} post={post} />}
        {/* Sanitized when the post was saved (lib/markdown); decorateImages only adds attributes. */}
        <div class="post-body">{raw(body)}</div>
      </article>
      <SubscribeForm language={post.language} />
      <nav class="post-nav" aria-label={site.t.postNavigation}>
        {post.newer && (
          <a class="post-nav-newer" href={postPath(post.newer.slug)} rel="prev">
            <span>{site.t.nextPost}</span> {post.newer.title}
          </a>
        )}
        {post.older && (
          <a class="post-nav-older" href={postPath(post.older.slug)} rel="next">
            <span>{site.t.previousPost}</span> {post.older.title}
          </a>
        )}
      </nav>
    </>
  )
}
