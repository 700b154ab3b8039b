import type { Db } from '../../../db/client'
import { redirectRowsStatements, redirectTargets, runStatements } from './imported-rows'

export type Redirect = { from: string; to: string }
/** Stores old addresses (or only counts them in a dry run); returns how many were new or moved. */
export type RedirectWriter = (redirects: Redirect[], dryRun: boolean) => Promise<number>

/** Each pair's target followed through the other pairs, so none points at another's source. */
function collapsed(pairs: Redirect[]): Redirect[] {
  const next = new Map(pairs.map((p) => [p.from, p.to]))
  return pairs.map(({ from, to }) => {
    for (let hops = 0; next.has(to) && next.get(to) !== to && hops < 10; hops++) to = next.get(to)!
    return { from, to }
  })
}

/** Old addresses go to the site's one `redirects` table, where chains are collapsed. */
export function d1RedirectWriter(db: Db): RedirectWriter {
  return async (wanted, dryRun) => {
    const current = await redirectTargets(
      db,
      wanted.map((r) => r.from),
    )
    const changed = wanted.filter((r) => current.get(r.from) !== r.to)
    if (!dryRun) await runStatements(db, redirectRowsStatements(db, collapsed(changed)))
    return changed.length
  }
}
