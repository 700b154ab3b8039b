import type { User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav, Notice } from '../../../ui/admin-nav'
import type { MailingSettings } from '../mailing-settings'
import type { SubscriptionAdminMessages } from '../messages'
import type { StateCounts } from '../queries'

type Row = { id: number; email: string; state: string; createdAt: Date }
type HistoryRow = { postId: number; title: string; queued: number; sent: number; failed: number }

export function SubscribersPage(props: {
  a: AdminMessages
  m: SubscriptionAdminMessages
  editor: User
  counts: StateCounts
  search: string
  rows: Row[]
  olderHref: string | null
  history: HistoryRow[]
  settings: MailingSettings
  notice: string | null
}) {
  const { a, m, counts, rows, settings } = props
  const stateName = (state: string) =>
    state === 'pending' ? m.pending : state === 'confirmed' ? m.confirmed : m.unsubscribed
  return (
    <section class="admin subscribers">
      <AdminNav a={a} editor={props.editor} />
      <h1>{m.subscribers}</h1>
      <Notice message={props.notice} />
      <dl class="subscriber-counts">
        <div>
          <dt>{m.pending}</dt> <dd id="count-pending">{counts.pending}</dd>
        </div>
        <div>
          <dt>{m.confirmed}</dt> <dd id="count-confirmed">{counts.confirmed}</dd>
        </div>
        <div>
          <dt>{m.unsubscribed}</dt> <dd id="count-unsubscribed">{counts.unsubscribed}</dd>
        </div>
        <div>
          <dt>{m.erased}</dt> <dd id="count-erased">{counts.erased}</dd>
        </div>
      </dl>
      <form method="get" action="/admin/subscribers" role="search">
        <label for="subscriber-search">{m.search}</label>{' '}
        <input id="subscriber-search" type="search" name="q" value={props.search} />{' '}
        <button type="submit">{m.search}</button>
      </form>
      <p>
        <a href="/admin/subscribers/export.csv">{m.exportCsv}</a>
      </p>
      {rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{m.email}</th>
              <th scope="col">{m.state}</th>
              <th scope="col">{m.since}</th>
              <th scope="col">
                <span class="visually-hidden">{m.delete}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>{row.email}</td>
                <td>{stateName(row.state)}</td>
                <td>{row.createdAt.toISOString().slice(0, 10)}</td>
                <td>
                  <form method="post" action={`/admin/subscribers/${row.id}/delete`}>
                    <button type="submit" aria-label={`${m.delete} ${row.email}`}>
                      {m.delete}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.olderHref && (
        <p>
          <a href={props.olderHref}>{m.older}</a>
        </p>
      )}
      <h2>{m.importTitle}</h2>
      <form method="post" action="/admin/subscribers/import" enctype="multipart/form-data">
        <p>
          <label for="subscriber-import">{m.importFile}</label>{' '}
          <input id="subscriber-import" type="file" name="file" accept=".csv,text/csv" required />
        </p>
        <p>
          <label>
            <input type="checkbox" name="consent" value="on" /> {m.importConsent}
          </label>
        </p>
        <button type="submit">{m.importSubmit}</button>
      </form>
      <h2>{m.history}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{m.post}</th>
            <th scope="col">{m.queued}</th>
            <th scope="col">{m.sent}</th>
            <th scope="col">{m.failed}</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((row) => (
            <tr>
              <td>
                <a href={`/admin/posts/${row.postId}`}>{row.title}</a>
              </td>
              <td>{row.queued}</td>
              <td>{row.sent}</td>
              <td>{row.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="email-settings">{m.settings}</h2>
      <form method="post" action="/admin/subscribers/settings">
        <p>
          <label>
            <input type="checkbox" name="emailPosts" value="on" checked={settings.emailPosts} />{' '}
            {m.emailPosts}
          </label>
        </p>
        <p>
          <label>
            <input type="checkbox" name="emailNotes" value="on" checked={settings.emailNotes} />{' '}
            {m.emailNotes}
          </label>
        </p>
        <p>
          <label>
            <input type="checkbox" name="fullPost" value="on" checked={settings.fullPost} />{' '}
            {m.fullPost}
          </label>
        </p>
        <p>
          <label for="daily-cap">{m.dailyCap}</label>{' '}
          <input
            id="daily-cap"
            type="number"
            name="dailyCap"
            min="1"
            max="1000000"
            value={String(settings.dailyCap)}
          />
        </p>
        <button type="submit">{m.save}</button>
      </form>
    </section>
  )
}
