import type { PostStatus, User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav, Notice } from '../../../ui/admin-nav'

export type AdminPageRow = {
  id: number
  slug: string
  title: string
  status: PostStatus
  deletedAt: Date | null
}

/** `/admin/pages`: every page with its address and status, the trashed ones last. */
export function PagesPage(props: {
  a: AdminMessages
  editor: User
  pages: AdminPageRow[]
  notice?: string | null
  undo?: { action: string; label: string } | null
}) {
  const { a, editor } = props
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>{a.pages}</h1>
      <Notice message={props.notice} />
      {props.undo && (
        <form method="post" action={props.undo.action} class="inline-form">
          <button type="submit">{props.undo.label}</button>
        </form>
      )}
      <p>
        <a href="/admin/pages/new">{a.newPage}</a>
      </p>
      {props.pages.length === 0 ? (
        <p>{a.noPages}</p>
      ) : (
        <table class="admin-posts">
          <thead>
            <tr>
              <th scope="col">{a.title}</th>
              <th scope="col">{a.address}</th>
              <th scope="col">{a.status}</th>
              <th scope="col">
                <span class="visually-hidden">{a.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.pages.map((page) => (
              <tr data-page-id={page.id}>
                <td>
                  <a href={`/admin/pages/${page.id}`}>{page.title}</a>
                </td>
                <td data-label={a.address}>
                  <code>/{page.slug}</code>
                </td>
                <td>
                  {page.deletedAt ? (
                    a.inTrash
                  ) : (
                    <span class={`status status-${page.status}`}>{a.statusLabel[page.status]}</span>
                  )}
                </td>
                <td>
                  {page.deletedAt ? (
                    <form
                      method="post"
                      action={`/admin/pages/${page.id}/restore`}
                      class="inline-form"
                    >
                      <button type="submit" class="link-button">
                        {a.restore}
                      </button>
                    </form>
                  ) : (
                    <a href={`/admin/pages/${page.id}`}>{a.edit}</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
