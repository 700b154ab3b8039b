import type { User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav } from '../../../ui/admin-nav'

export function DeletePostPage({
  a,
  editor,
  post,
  basePath = '/admin/posts',
}: {
  a: AdminMessages
  editor: User
  post: { id: number; title: string }
  /** The editor it came from: posts', or pages'. */
  basePath?: string
}) {
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>{a.deleteTitle(post.title)}</h1>
      <p>{a.deleteExplain}</p>
      <form method="post" action={`${basePath}/${post.id}/delete`} class="form-actions">
        <button type="submit" class="danger">
          {a.confirmDelete}
        </button>
        <a href={`${basePath}/${post.id}`}>{a.cancel}</a>
      </form>
    </section>
  )
}
