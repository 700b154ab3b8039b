import { formatPostDate, isoDate } from '../../../lib/dates'
import { messagesFor, toLocale } from '../../../i18n/site'
import type { Site } from '../../../types'
import { authorPath, categoryPath } from '../../../lib/addresses'

type BylineProps = {
  site: Site
  author: { slug: string; name: string }
  publishedAt: Date
  categories: { slug: string; name: string }[]
  /** The post's language: a French post says "Par … | 1 décembre 2023" on an English site. */
  language: string
}

/** "By {author} | {date} | Categories: {links} |", as on the reference blog; "By {author} | {date}" without categories. */
export function Byline({ site, author, publishedAt, categories, language }: BylineProps) {
  const locale = toLocale(language)
  const t = messagesFor(locale)
  return (
    <p class="byline">
      {t.by} <a href={authorPath(author.slug)}>{author.name}</a>
      {' | '}
      <time datetime={isoDate(publishedAt)}>
        {formatPostDate(publishedAt, locale, site.timeZone)}
      </time>
      {/* A note may have no category: then no empty "Categories: |" either. */}
      {categories.length > 0 && (
        <>
          {' | '}
          {t.categories}{' '}
          {categories.map((category, index) => (
            <>
              {index > 0 && ', '}
              <a href={categoryPath(category.slug)} rel="tag">
                {category.name}
              </a>
            </>
          ))}
          {' |'}
        </>
      )}
    </p>
  )
}
