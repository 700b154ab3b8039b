import type { SkippedItem, SourceKind } from './source'

export type Tally = { created: number; updated: number; unchanged: number; failed: number }

export const ENTITY_KINDS = [
  'posts',
  'pages',
  'authors',
  'categories',
  'redirects',
  'images',
] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]

/** What an import did, or would do in a dry run: counts by kind and every item skipped or changed. */
export type ImportReport = {
  source: SourceKind
  dryRun: boolean
  counts: Record<EntityKind, Tally>
  notes: string[]
  skipped: SkippedItem[]
  changed: SkippedItem[]
}

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0, failed: 0 })

export function emptyReport(source: SourceKind, dryRun: boolean): ImportReport {
  return {
    source,
    dryRun,
    counts: {
      posts: tally(),
      pages: tally(),
      authors: tally(),
      categories: tally(),
      redirects: tally(),
      images: tally(),
    },
    notes: [],
    skipped: [],
    changed: [],
  }
}

/** The report as lines of plain text, for the terminal. */
export function reportLines(report: ImportReport): string[] {
  const lines = [
    report.dryRun
      ? `Dry run of a ${report.source} import: nothing was written.`
      : `Imported from ${report.source}.`,
  ]
  for (const kind of ENTITY_KINDS) {
    const t = report.counts[kind] ?? tally()
    lines.push(
      `  ${kind}: ${t.created} new, ${t.updated} updated, ${t.unchanged} unchanged${t.failed ? `, ${t.failed} failed` : ''}`,
    )
  }
  for (const note of report.notes) lines.push(`Note: ${note}`)
  if (report.changed.length) lines.push(`Changed (${report.changed.length}):`)
  for (const item of report.changed) lines.push(`  - ${item.kind} "${item.title}": ${item.reason}`)
  if (report.skipped.length) lines.push(`Skipped (${report.skipped.length}):`)
  for (const item of report.skipped) lines.push(`  - ${item.kind} "${item.title}": ${item.reason}`)
  return lines
}

/** Adds the counts and lists of `part` (one step's or one slice's writes) to `into`. */
export function addReport(into: ImportReport, part: ImportReport) {
  for (const kind of ENTITY_KINDS)
    for (const key of ['created', 'updated', 'unchanged', 'failed'] as const)
      // A report stored before pages were counted has no such line yet.
      (into.counts[kind] ??= tally())[key] += part.counts[kind]?.[key] ?? 0
  into.notes.push(...part.notes)
  into.skipped.push(...part.skipped)
  into.changed.push(...part.changed)
}
