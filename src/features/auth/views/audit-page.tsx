import type { AuditRow, User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav } from '../../../ui/admin-nav'
import type { AuthMessages } from '../messages'

type AuditPageProps = {
  a: AdminMessages
  m: AuthMessages
  editor: User
  rows: AuditRow[]
  /** Current addresses of the accounts that acted, by id. */
  actors: Map<number, string>
  olderHref: string | null
  formatTime: (at: Date) => string
}

function eventLabel(m: AuthMessages, event: string) {
  return (m.events as Record<string, string>)[event] ?? event
}

function detailLabel(m: AuthMessages, row: AuditRow) {
  if (row.event === 'sign_in')
    return (m.methods as Record<string, string>)[row.detail] ?? row.detail
  return row.detail
}

export function AuditPage({ a, m, editor, rows, actors, olderHref, formatTime }: AuditPageProps) {
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>{m.auditTitle}</h1>
      <p>{m.auditIntro}</p>
      {rows.length === 0 ? (
        <p>{m.auditEmpty}</p>
      ) : (
        <table class="admin-users admin-audit">
          <thead>
            <tr>
              <th scope="col">{m.when}</th>
              <th scope="col">{m.event}</th>
              <th scope="col">{m.account}</th>
              <th scope="col">{m.detail}</th>
              <th scope="col">{m.by}</th>
              <th scope="col">{m.client}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr data-event={row.event}>
                <td>{formatTime(row.at)}</td>
                <td data-label={m.event}>{eventLabel(m, row.event)}</td>
                <td data-label={m.account}>{row.email}</td>
                <td data-label={m.detail}>{detailLabel(m, row)}</td>
                <td data-label={m.by}>
                  {row.actorId === null ? '' : (actors.get(row.actorId) ?? '')}
                </td>
                <td data-label={m.client}>
                  {[row.browser, row.country].filter(Boolean).join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {olderHref && <a href={olderHref}>{m.older}</a>}
    </section>
  )
}
