import type { User } from '../../../db/schema'
import { POST_STATUSES } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import type { Site } from '../../../types'
import { AdminNav, Notice } from '../../../ui/admin-nav'
import { AdminPostRows, type AdminPostRow } from './admin-post-rows'
import { FIELD_MAX } from '../../../lib/validation/limits'

type PostsPageProps = {
  site: Site
  a: AdminMessages
  editor: User
  posts: AdminPostRow[]
  nextHref: string | null
  categories: { id: number; name: string }[]
  filter: { status: string; categoryId: string; search: string }
  notice?: string | null
  undo?: { action: string; label: string } | null
}

export function PostsPage(props: PostsPageProps) {
  const { site, a, editor, filter } = props
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>{a.posts}</h1>
      <Notice message={props.notice} />
      {props.undo && (
        <form method="post" action={props.undo.action} class="inline-form">
          <button type="submit">{props.undo.label}</button>
        </form>
      )}
      <form method="get" action="/admin/posts" class="filters" role="search">
        <label>
          {a.status}
          <select name="status">
            <option value="">{a.all}</option>
            {POST_STATUSES.map((status) => (
              <option value={status} selected={filter.status === status}>
                {a.statusLabel[status]}
              </option>
            ))}
            <option value="trash" selected={filter.status === 'trash'}>
              {a.trash}
            </option>
          </select>
        </label>
        <label>
          {a.categories}
          <select name="category">
            <option value="">{a.anyCategory}</option>
            {props.categories.map((category) => (
              <option
                value={String(category.id)}
                selected={filter.categoryId === String(category.id)}
              >
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {a.searchTitle}
          <input type="search" name="q" value={filter.search} maxlength={FIELD_MAX.search} />
        </label>
        <button type="submit">{a.filter}</button>
      </form>
      {props.posts.length === 0 ? (
        <p>{a.noPostsMatch}</p>
      ) : (
        <table class="admin-posts">
          <thead>
            <tr>
              <th scope="col">{a.title}</th>
              <th scope="col">{a.status}</th>
              <th scope="col">{a.author}</th>
              <th scope="col">{a.publishDate}</th>
              <th scope="col" class="number">
                {a.viewsLast30Days}
              </th>
              <th scope="col">
                <span class="visually-hidden">{a.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <AdminPostRows site={site} a={a} posts={props.posts} nextHref={props.nextHref} />
          </tbody>
        </table>
      )}
    </section>
  )
}
