import type { Db } from '../db/client'
import { redirectTargets } from '../db/imports'
import { addRedirects } from '../db/redirects'

export type Redirect = { from: string; to: string }
/** Stores old addresses (or only counts them in a dry run); returns how many were new or moved. */
export type RedirectWriter = (redirects: Redirect[], dryRun: boolean) => Promise<number>

/** Old addresses go to the site's one `redirects` table, where chains are collapsed. */
export function d1RedirectWriter(db: Db): RedirectWriter {
  return async (wanted, dryRun) => {
    const current = await redirectTargets(
      db,
      wanted.map((r) => r.from),
    )
    const changed = wanted.filter((r) => current.get(r.from) !== r.to)
    if (!dryRun)
      await addRedirects(
        db,
        changed.map((r) => ({ fromPath: r.from, toPath: r.to })),
      )
    return changed.length
  }
}
