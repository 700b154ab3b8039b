import type { Context } from 'hono'
import { useContext } from 'hono/jsx'
import { RequestContext } from 'hono/jsx-renderer'
import type { User } from '../db/schema'
import type { AdminEnv } from '../types'
import type { AdminMessages } from '../i18n/admin'

/** Owners and editors: the others' links lead to pages that would refuse them (403). */
const editsAll = (editor: User) => editor.role === 'owner' || editor.role === 'editor'

export function AdminNav({ a, editor }: { a: AdminMessages; editor: User }) {
  // Counted by the review feature's middleware for editors' pages; absent outside a page render.
  const pending = (useContext(RequestContext) as Context<AdminEnv> | null)?.var.pendingReviews
  return (
    <nav class="admin-nav" aria-label={a.admin}>
      <a href="/admin/posts">{a.posts}</a>
      <a href="/admin/posts/new">{a.newPost}</a>
      <a href="/admin/notes">{a.newNote}</a>
      {editsAll(editor) && <a href="/admin/pages">{a.pages}</a>}
      {editsAll(editor) && (
        <a href="/admin/review" class="review-link">
          {a.reviewQueue}
          {pending ? <span class="nav-count"> ({pending})</span> : null}
        </a>
      )}
      {editsAll(editor) && <CommentsNavLink />}
      <a href="/admin/media">{a.media}</a>
      {editsAll(editor) && <a href="/admin/authors">{a.authors}</a>}
      {editsAll(editor) && <a href="/admin/analytics">{a.analytics}</a>}
      {editsAll(editor) && <a href="/admin/subscribers">{a.subscribers}</a>}
      {editor.role === 'owner' && <a href="/admin/users">{a.editors}</a>}
      {editor.role === 'owner' && <a href="/admin/audit">{a.audit}</a>}
      {editor.role === 'owner' && <a href="/admin/import">Import · export</a>}
      {editor.role === 'owner' && <a href="/admin/settings">{a.settings}</a>}
      {editor.role === 'owner' && <a href="/admin/navigation">{a.navigation}</a>}
      <a href="/admin/account">{a.account}</a>
      <a href="/">{a.viewSite}</a>
      <form method="post" action="/admin/logout" class="inline-form">
        <button type="submit" class="link-button">
          {a.logout} ({editor.name})
        </button>
      </form>
    </nav>
  )
}

export function Notice({
  message,
  tone = 'info',
}: {
  message?: string | null
  tone?: 'info' | 'error'
}) {
  if (!message) return null
  return (
    <p class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {message}
    </p>
  )
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null
  return (
    <p class="field-error" id={id}>
      {message}
    </p>
  )
}

/** Held comments wait for owners and editors (features/comments counts them). */
function CommentsNavLink() {
  const context = useContext(RequestContext) as Context<AdminEnv> | null
  const held = context?.var.pendingComments
  const french = context?.var.site?.locale === 'fr'
  return (
    <a href="/admin/comments" class="comments-link">
      {french ? 'Commentaires' : 'Comments'}
      {held ? <span class="nav-count"> ({held})</span> : null}
    </a>
  )
}
