import type { ImportJob } from '../../../db/schema'
import { isStuck } from '../import/job-recovery'
import { formatDateTime } from '../../../lib/dates'
import type { ImportMessages } from '../messages'
import type { Site } from '../../../types'

type Common = { m: ImportMessages; site: Pick<Site, 'locale' | 'timeZone'> }

/** Why a job is not moving: its error, or how long it has been still. */
export function StopReason({ m, site, job }: Common & { job: ImportJob }) {
  if (job.status === 'failed') return <>{`${m.failed} ${job.error}`}</>
  const stuck = m.stuckSince(formatDateTime(job.updatedAt, site.locale, site.timeZone))
  return <>{job.error ? `${stuck} ${job.error}` : stuck}</>
}

/** Retry and Cancel for a failed or stuck job, as POST forms (the admin's CSRF check applies). */
export function StoppedJobActions({ m, job }: { m: ImportMessages; job: ImportJob }) {
  return (
    <>
      <form method="post" action={`/admin/import/${job.id}/retry`} class="inline-form">
        <button type="submit">{m.retry}</button>
      </form>{' '}
      <form method="post" action={`/admin/import/${job.id}/cancel`} class="inline-form">
        <button type="submit" class="link-button danger-link">
          {m.cancel}
        </button>
      </form>
    </>
  )
}

export function StoppedImports({
  m,
  site,
  jobs,
  now,
}: Common & { jobs: ImportJob[]; now: number }) {
  if (!jobs.length) return null
  return (
    <>
      <h2>{m.stoppedHeading}</h2>
      <p>{m.stoppedHelp}</p>
      <ul class="stopped-imports">
        {jobs.map((job) => (
          <li data-job-id={job.id} data-state={isStuck(job, now) ? 'stuck' : job.status}>
            <a href={`/admin/import/${job.id}`}>{job.fileName}</a>
            {job.dryRun && ` (${m.dryRun})`}
            {' — '}
            {formatDateTime(job.createdAt, site.locale, site.timeZone)}
            <p class="notice notice-error">
              <StopReason m={m} site={site} job={job} />
            </p>
            <StoppedJobActions m={m} job={job} />
          </li>
        ))}
      </ul>
    </>
  )
}
