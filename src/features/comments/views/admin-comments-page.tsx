import { raw } from 'hono/html'
import type { CommentStatus, User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { formatDateTime } from '../../../lib/dates'
import type { Site } from '../../../types'
import { AdminNav, Notice } from '../../../ui/admin-nav'
import type { CommentAdminMessages } from '../messages'
import type { AdminComment, CommentSettings } from '../queries'
import { STATUS_TABS } from '../schemas'

type Props = {
  site: Site
  a: AdminMessages
  k: CommentAdminMessages
  editor: User
  status: CommentStatus
  search: string
  counts: Record<CommentStatus, number>
  items: AdminComment[]
  settings: CommentSettings | null
  notice?: string | null
  error?: string | null
}

const postHref = (item: AdminComment) =>
  item.postKind === 'page' ? `/${item.postSlug}` : `/posts/${item.postSlug}`

function CommentEntry({ site, k, item }: Pick<Props, 'site' | 'k'> & { item: AdminComment }) {
  const base = `/admin/comments/${item.id}`
  return (
    <li class="admin-comment" id={`comment-${item.id}`} data-comment-id={item.id}>
      <p class="help">
        <input
          type="checkbox"
          name="ids"
          value={String(item.id)}
          form="comment-bulk"
          aria-label={k.select(item.authorName)}
        />{' '}
        <strong>{item.authorName}</strong>
        {item.email && <> · {item.email}</>}
        {item.authorUrl && <> · {item.authorUrl}</>} · {k.on}{' '}
        <a href={`${postHref(item)}#comments`}>{item.postTitle}</a> ·{' '}
        {formatDateTime(item.createdAt, site.locale, site.timeZone)}
      </p>
      {/* Sanitized when stored (comment-html.ts). */}
      <div class="comment-body">{raw(item.html)}</div>
      <div class="form-row">
        {item.status !== 'approved' && (
          <form method="post" action={`${base}/approve`} class="inline-form">
            <button type="submit">{k.approve}</button>
          </form>
        )}
        {item.status !== 'spam' && (
          <form method="post" action={`${base}/spam`} class="inline-form">
            <button type="submit" class="secondary">
              {k.markSpam}
            </button>
          </form>
        )}
        <form method="post" action={`${base}/delete`} class="inline-form">
          <button type="submit" class="danger">
            {k.delete}
          </button>
        </form>
      </div>
      {item.status === 'approved' && (
        <form method="post" action={`${base}/reply`} class="stack narrow">
          <label>
            {k.replyLabel}
            <textarea name="reply" rows={3} required maxlength={5000}></textarea>
          </label>
          <button type="submit" class="secondary">
            {k.reply}
          </button>
        </form>
      )}
    </li>
  )
}

function SettingsForm({ k, settings }: { k: CommentAdminMessages; settings: CommentSettings }) {
  const modes = [
    ['all', k.moderationAll],
    ['first', k.moderationFirst],
    ['none', k.moderationNone],
  ] as const
  return (
    <details class="comment-settings">
      <summary>{k.settings}</summary>
      <form method="post" action="/admin/comments/settings" class="stack">
        <fieldset>
          <legend>{k.moderation}</legend>
          {modes.map(([value, label]) => (
            <label>
              <input
                type="radio"
                name="moderation"
                value={value}
                checked={settings.moderation === value}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <label>
          {k.closeAfterDays}
          <input
            type="number"
            name="closeAfterDays"
            min={0}
            max={36500}
            value={String(settings.closeAfterDays)}
          />
        </label>
        <label>
          <input type="checkbox" name="onPages" checked={settings.onPages} /> {k.onPages}
        </label>
        <label>
          {k.blockList}
          <textarea name="blockList" rows={5}>
            {settings.blockList}
          </textarea>
        </label>
        <button type="submit">{k.save}</button>
      </form>
    </details>
  )
}

/** `/admin/comments`: held, published and spam comments, each with what an editor can do. */
export function AdminCommentsPage(props: Props) {
  const { a, k, editor, status, counts, items } = props
  return (
    <section class="admin comments-admin">
      <AdminNav a={a} editor={editor} />
      <h1>{k.title}</h1>
      <Notice message={props.notice} />
      <Notice message={props.error} tone="error" />
      <nav class="tabs" aria-label={k.title}>
        {STATUS_TABS.map((tab) => (
          <a
            href={`/admin/comments?status=${tab}`}
            aria-current={tab === status ? 'page' : undefined}
          >
            {k[tab]} (<span class={`count-${tab}`}>{counts[tab]}</span>)
          </a>
        ))}
      </nav>
      <form method="get" action="/admin/comments" role="search" class="form-row">
        <input type="hidden" name="status" value={status} />
        <label>
          {k.search}
          <input type="search" name="q" value={props.search} maxlength={200} />
        </label>
        <button type="submit">{k.searchButton}</button>
      </form>
      {items.length === 0 ? (
        <p>{k.none}</p>
      ) : (
        <>
          <form method="post" action="/admin/comments/bulk" id="comment-bulk" class="form-row">
            <label>
              {k.bulk}
              <select name="action">
                <option value="approve">{k.approve}</option>
                <option value="spam">{k.markSpam}</option>
                <option value="delete">{k.delete}</option>
              </select>
            </label>
            <button type="submit">{k.apply}</button>
          </form>
          <ol class="admin-comments">
            {items.map((item) => (
              <CommentEntry site={props.site} k={k} item={item} />
            ))}
          </ol>
        </>
      )}
      {props.settings && <SettingsForm k={k} settings={props.settings} />}
    </section>
  )
}
