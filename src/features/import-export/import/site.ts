import type { Db } from '../../../db/client'
import { importMenus } from '../../navigation'
import { importSettings } from '../../settings'
import type { ImportReport } from './report'
import type { ArchivedSite } from './source'

/**
 * The settings and menus of this blog's own archive, once its pages and images are in: each goes
 * through its own checks, and only into a site that has none of its own yet (the owner's never
 * lose to an archive). Every outcome is a note of the report.
 */
export async function writeSite(
  db: Db,
  site: ArchivedSite | undefined,
  report: ImportReport,
  dryRun: boolean,
) {
  if (site?.settings && typeof site.settings === 'object') {
    const outcome = await importSettings(db, site.settings, dryRun)
    report.notes.push(
      outcome.kind === 'imported'
        ? 'The site’s settings were imported.'
        : outcome.kind === 'kept'
          ? 'The site’s settings were kept as they are here: this blog already has its own.'
          : `The site’s settings were not imported: ${outcome.fields.join(', ')} refused.`,
    )
  }
  if (site?.navigation && typeof site.navigation === 'object') {
    const menus = await importMenus(db, site.navigation, dryRun)
    if (menus.imported.length)
      report.notes.push(`Navigation imported: ${menus.imported.join(', ')}.`)
    if (menus.kept.length)
      report.notes.push(`Navigation kept as it is here: ${menus.kept.join(', ')}.`)
    if (menus.refused.length)
      report.notes.push(`Navigation not imported, its links refused: ${menus.refused.join(', ')}.`)
  }
}
