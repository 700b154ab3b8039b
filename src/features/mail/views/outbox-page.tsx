import type { User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import type { OutboxEntry } from '../../../lib/mail'
import { AdminNav } from '../../../ui/admin-nav'
import type { MailMessages } from '../messages'

type OutboxPageProps = {
  a: AdminMessages
  m: MailMessages
  editor: User
  entries: OutboxEntry[]
  emailBound: boolean
  olderHref: string | null
  formatTime: (at: Date) => string
}

export function OutboxPage({
  a,
  m,
  editor,
  entries,
  emailBound,
  olderHref,
  formatTime,
}: OutboxPageProps) {
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>{m.outbox}</h1>
      <p>{m.outboxIntro}</p>
      <p>{emailBound ? m.alsoSent : m.onlyHere}</p>
      {entries.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <table class="admin-users admin-outbox">
          <thead>
            <tr>
              <th scope="col">{m.sentAt}</th>
              <th scope="col">{m.recipient}</th>
              <th scope="col">{m.subject}</th>
              <th scope="col">{m.rawMessage}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr data-message-id={entry.id}>
                <td>{formatTime(entry.createdAt)}</td>
                <td data-label={m.recipient}>{entry.recipient}</td>
                <td data-label={m.subject}>{entry.subject}</td>
                <td>
                  <a href={`/admin/outbox/${entry.id}.eml`}>{entry.id}.eml</a>
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
