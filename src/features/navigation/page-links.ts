import type { Db } from '../../db/client'
import type { Messages } from '../../i18n/site'
import { addLink, hasPageLink, withoutPageLinks } from './edits'
import { newLinkId } from './links'
import { editMenu, readMenu } from './queries'
import { pagePath } from '../../lib/addresses'

/** Whether the header links to this page ("Show in navigation" on the page's form). */
export async function isPageInNavigation(db: Db, t: Messages, pageId: number) {
  return hasPageLink((await readMenu(db, 'header', t)).links, pageId)
}

/**
 * Puts a link to the page at the end of the header, or takes every link to it out, as the page's
 * form asks. Nothing is written when the header already is so.
 */
export async function showPageInNavigation(
  db: Db,
  t: Messages,
  page: { id: number; title: string; slug: string },
  show: boolean,
) {
  if ((await isPageInNavigation(db, t, page.id)) === show) return
  await editMenu(db, 'header', t, (links) => {
    if (!show) return { ok: true, links: withoutPageLinks(links, page.id) }
    if (hasPageLink(links, page.id)) return { ok: true, links }
    const address = pagePath(page.slug)
    return addLink(links, { id: newLinkId(), label: page.title, address, pageId: page.id }, null)
  })
}
