import { raw } from 'hono/html'
import type { PublishedPost } from '../../db/posts'
import type { Site } from '../../types'
import { typeset } from '../../lib/typography'
import { Byline } from '../partials/byline'
import { NoteQuote } from '../partials/note-quote'

export function PostPage({ site, post }: { site: Site; post: PublishedPost }) {
  return (
    <>
      <article class="post" lang={post.language}>
        <header>
          <h1>{typeset(post.title, post.language)}</h1>
          <Byline
            site={site}
            author={post.author}
            publishedAt={post.publishedAt}
            categories={post.categories}
          />
        </header>
        {post.kind === 'note' && <NoteQuote site={site} post={post} />}
        {/* Sanitized when the post was saved (lib/markdown). */}
        <div class="post-body">{raw(post.html)}</div>
      </article>
      <nav class="post-nav" aria-label={site.t.postNavigation}>
        {post.newer && (
          <a class="post-nav-newer" href={`/posts/${post.newer.slug}`} rel="prev">
            <span>{site.t.nextPost}</span> {post.newer.title}
          </a>
        )}
        {post.older && (
          <a class="post-nav-older" href={`/posts/${post.older.slug}`} rel="next">
            <span>{site.t.previousPost}</span> {post.older.title}
          </a>
        )}
      </nav>
    </>
  )
}
