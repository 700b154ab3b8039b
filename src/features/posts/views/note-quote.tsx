import type { PublishedPost } from '../queries'
import { typeset } from '../../../lib/typography'
import type { Site } from '../../../types'
import { ReadAtSource } from './note-source'

/** A note's quoted text, paragraph by paragraph, with its source named and linked. */
export function NoteQuote({ site, post }: { site: Site; post: PublishedPost }) {
  const paragraphs = post.excerpt.split(/\n\s*\n/).filter((p) => p.trim())
  return (
    <>
      {paragraphs.length > 0 && (
        <blockquote class="note-quote" cite={post.sourceUrl || undefined}>
          {paragraphs.map((paragraph) => (
            <p>{typeset(paragraph.trim(), post.language)}</p>
          ))}
          {post.sourceSiteName && (
            <footer>
              {site.t.source} <cite>{post.sourceSiteName}</cite>
            </footer>
          )}
        </blockquote>
      )}
      {post.sourceUrl && <ReadAtSource site={site} sourceUrl={post.sourceUrl} />}
    </>
  )
}
