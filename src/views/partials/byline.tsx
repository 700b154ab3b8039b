import { formatPostDate, isoDate } from '../../lib/dates'
import type { Site } from '../../types'

type BylineProps = {
  site: Site
  author: { slug: string; name: string }
  publishedAt: Date
  categories: { slug: string; name: string }[]
}

/** "By {author} | {date} | Categories: {links} |", as on the reference blog. */
export function Byline({ site, author, publishedAt, categories }: BylineProps) {
  return (
    <p class="byline">
      {site.t.by} <a href={`/authors/${author.slug}`}>{author.name}</a>
      {' | '}
      <time datetime={isoDate(publishedAt)}>
        {formatPostDate(publishedAt, site.locale, site.timeZone)}
      </time>
      {' | '}
      {site.t.categories}{' '}
      {categories.map((category, index) => (
        <>
          {index > 0 && ', '}
          <a href={`/categories/${category.slug}`} rel="tag">
            {category.name}
          </a>
        </>
      ))}
      {' |'}
    </p>
  )
}
