import { raw } from 'hono/html'
import { BODY_SIZES, decorateImages, type PostImages } from '../../media'
import type { Site } from '../../../types'
import { typeset } from '../../../lib/typography'
import type { Language } from '../../../db/schema'
import { titleDirection } from '../../../lib/direction'

/** A page as readers see it: its title and body, without byline, date or neighbours. */
export function PageView(props: {
  site: Site
  page: { title: string; html: string; language: Language }
  images: PostImages
}) {
  const { site, page } = props
  const body = decorateImages(page.html, props.images.byKey, {
    first: true,
    responsive: site.responsiveImages,
    sizes: BODY_SIZES,
  })
  return (
    <article class="post page" lang={page.language}>
      <header>
        <h1 dir={titleDirection(page.title)}>{typeset(page.title, page.language)}</h1>
      </header>
      {/* Sanitized when the page was saved (lib/markdown); decorateImages only adds attributes. */}
      <div class="post-body">{raw(body)}</div>
    </article>
  )
}
