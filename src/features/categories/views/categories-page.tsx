import type { CategoryListItem } from '../page-queries'
import type { Site } from '../../../types'
import { categoryPath } from '../../../lib/addresses'

function CategoryList({ site, categories }: { site: Site; categories: CategoryListItem[] }) {
  return (
    <ul class="category-list">
      {categories.map((category) => (
        <li>
          <a href={categoryPath(category.slug)}>{category.name}</a>{' '}
          <span class="category-count">({site.t.postCount(category.posts)})</span>
          {category.description && <p>{category.description}</p>}
        </li>
      ))}
    </ul>
  )
}

/**
 * Every category with listed posts, a page at a time; when there is more than one page, the
 * first one opens with the most used.
 */
export function CategoriesPage({
  site,
  categories,
  top = null,
  nextHref = null,
}: {
  site: Site
  categories: CategoryListItem[]
  top?: CategoryListItem[] | null
  nextHref?: string | null
}) {
  const { t } = site
  return (
    <>
      <h1 class="feed-heading">{t.allCategories}</h1>
      <p>{t.categoriesIntro}</p>
      {categories.length === 0 ? (
        <p class="feed-empty">{t.noCategories}</p>
      ) : (
        <>
          {top && (
            <>
              <h2>{t.topCategories}</h2>
              <CategoryList site={site} categories={top} />
              <h2>{t.categoriesAtoZ}</h2>
            </>
          )}
          <CategoryList site={site} categories={categories} />
          {nextHref && (
            <p>
              <a href={nextHref} rel="next">
                {t.moreCategories}
              </a>
            </p>
          )}
        </>
      )}
    </>
  )
}
