import type { Db } from '../db/client'
import { planImport } from './map'
import { emptyReport, type ImportReport } from './report'
import type { SourceBlog } from './source'
import type { RedirectWriter } from './redirects'
import { writePlan } from './write'

export type ImportOptions = {
  dryRun: boolean
  redirects: RedirectWriter
  /** Old image address → this blog's media address, for images already stored. */
  localImages?: ReadonlyMap<string, string>
  failedImages?: { url: string; reason: string }[]
}

/** Plans and writes (or, in a dry run, only counts) a whole export; returns the report. */
export async function runImport(
  db: Db,
  blog: SourceBlog,
  options: ImportOptions,
): Promise<ImportReport> {
  const report = emptyReport(blog.kind, options.dryRun)
  report.skipped.push(...blog.skipped)
  for (const failed of options.failedImages ?? [])
    report.skipped.push({
      kind: 'image',
      title: failed.url,
      reason: `${failed.reason}; kept as a link`,
    })
  const plan = planImport(blog, report, options.localImages)
  await writePlan(db, plan, report, options)
  return report
}
