import type { ImportJob, User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import type { ImportMessages } from '../messages'
import { ENTITY_KINDS, type ImportReport } from '../import/report'
import { MAX_UPLOAD_MB } from '../schemas'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { isStuck } from '../import/job-recovery'
import type { Site } from '../../../types'
import { StoppedImports, StoppedJobActions, StopReason } from './stopped-imports'

type Common = {
  a: AdminMessages
  m: ImportMessages
  editor: User
  site: Pick<Site, 'locale' | 'timeZone'>
  now: number
}

export function ImportPage({
  a,
  m,
  editor,
  site,
  now,
  error,
  stopped,
}: Common & { error?: string; stopped: ImportJob[] }) {
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>{m.title}</h1>
      <StoppedImports m={m} site={site} jobs={stopped} now={now} />
      <h2>{m.importHeading}</h2>
      <p>{m.importHelp}</p>
      <form method="post" action="/admin/import" enctype="multipart/form-data">
        <label for="import-file">{m.file}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".xml,.json,.zip"
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'import-file-error' : undefined}
        />
        <FieldError id="import-file-error" message={error} />
        <p class="hint">{m.fileTooLarge(MAX_UPLOAD_MB)}</p>
        <button type="submit">{m.check}</button>
      </form>
      <h2>{m.exportHeading}</h2>
      <p>{m.exportHelp}</p>
      <p>
        <a href="/admin/import/export.zip" download>
          {m.download}
        </a>
      </p>
      <p>
        <a href="/admin/import/export.zip?comment_emails=1" download>
          {m.downloadWithCommentEmails}
        </a>
      </p>
    </section>
  )
}

function ReportView({ m, report }: { m: ImportMessages; report: ImportReport }) {
  return (
    <>
      <table class="import-counts">
        <caption>{m.counts}</caption>
        <thead>
          <tr>
            <th scope="col">{m.kind}</th>
            <th scope="col">{m.created}</th>
            <th scope="col">{m.updated}</th>
            <th scope="col">{m.unchanged}</th>
            <th scope="col">{m.failedCount}</th>
          </tr>
        </thead>
        <tbody>
          {ENTITY_KINDS.map((kind) => (
            <tr data-kind={kind}>
              <th scope="row">{kind}</th>
              <td>{report.counts[kind]?.created ?? 0}</td>
              <td>{report.counts[kind]?.updated ?? 0}</td>
              <td>{report.counts[kind]?.unchanged ?? 0}</td>
              <td>{report.counts[kind]?.failed ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {[
        [m.notes, report.notes.map((note) => note)],
        [m.changed, report.changed.map((i) => `${i.kind} « ${i.title} » : ${i.reason}`)],
        [m.skipped, report.skipped.map((i) => `${i.kind} « ${i.title} » : ${i.reason}`)],
      ].map(([heading, lines]) =>
        lines.length ? (
          <>
            <h3>
              {heading} ({lines.length})
            </h3>
            <ul class="import-items">
              {(lines as string[]).map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </>
        ) : null,
      )}
    </>
  )
}

export function ImportJobPage({ a, m, editor, site, now, job }: Common & { job: ImportJob }) {
  const report = job.report ? (JSON.parse(job.report) as ImportReport) : null
  const stuck = isStuck(job, now)
  return (
    <section class="admin">
      <AdminNav a={a} editor={editor} />
      <h1>
        {m.title} — {job.fileName}
      </h1>
      <label for="import-progress">{m.progress}</label>
      <progress id="import-progress" value={job.done} max={Math.max(job.total, 1)}>
        {job.done}/{job.total}
      </progress>
      <p>
        {job.done}/{job.total}
      </p>
      {job.status === 'running' && !stuck && <Notice message={m.running} />}
      {job.status === 'running' && !stuck && job.error && (
        <Notice tone="error" message={`${m.retrying} ${job.error}`} />
      )}
      {(job.status === 'failed' || stuck) && (
        <p class="notice notice-error" role="alert">
          <StopReason m={m} site={site} job={job} />
        </p>
      )}
      {(job.status === 'failed' || stuck) && <StoppedJobActions m={m} job={job} />}
      {job.status === 'cancelled' && <Notice message={m.cancelled} />}
      {job.status === 'done' && <Notice message={job.dryRun ? m.dryRunDone : m.done} />}
      {report && job.status !== 'failed' && <ReportView m={m} report={report} />}
      {job.status === 'done' && job.dryRun && (
        <form method="post" action={`/admin/import/${job.id}/run`}>
          <button type="submit">{m.runForReal}</button>
        </form>
      )}
    </section>
  )
}
