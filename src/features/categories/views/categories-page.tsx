import type { CategoryWithCount } from '../queries'
import type { Site } from '../../../types'
import { categoryPath } from '../../../lib/addresses'

export function CategoriesPage({
  site,
  categories,
}: {
  site: Site
  categories: CategoryWithCount[]
}) {
  const { t } = site
  return (
    <>
      <h1 class="feed-heading">{t.allCategories}</h1>
      <p>{t.categoriesIntro}</p>
      {categories.length === 0 ? (
        <p class="feed-empty">{t.noCategories}</p>
      ) : (
        <ul class="category-list">
          {categories.map((category) => (
            <li>
              <a href={categoryPath(category.slug)}>{category.name}</a>{' '}
              <span class="category-count">({t.postCount(category.posts)})</span>
              {category.description && <p>{category.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
