import type { NavigationMenu } from '../../db/schema'
import type { Messages } from '../../i18n/site'
import type { SiteNavLink } from '../../types'
import { defaultMenu, parseMenu, shownLabels, type NavLink } from './links'
import { pagePath } from '../../lib/addresses'

/** The menus as stored (JSON by menu, absent when never edited). */
export type StoredMenus = Partial<Record<NavigationMenu, string>>

/** A menu's links: as edited, or its default. */
export function menuLinks(stored: StoredMenus, menu: NavigationMenu, t: Messages): NavLink[] {
  const links = parseMenu(stored[menu])
  return links ? shownLabels(links, t) : defaultMenu(menu, t)
}

/**
 * Links as readers get them: a page's link points at the page's address and is left out while
 * the page is not published (with its children); any other keeps its address.
 */
export function resolveLinks(links: NavLink[], pages: ReadonlyMap<number, string>): SiteNavLink[] {
  return links.flatMap((link) => {
    const href =
      link.pageId === undefined ? link.address : pathOfPage(pages.get(link.pageId) ?? null)
    if (href === null) return []
    return [{ label: link.label, href, children: resolveLinks(link.children ?? [], pages) }]
  })
}

const pathOfPage = (slug: string | null) => (slug === null ? null : pagePath(slug))

/** Both menus, resolved, for `c.var.site`. */
export function siteNavigation(
  stored: StoredMenus,
  pages: ReadonlyMap<number, string>,
  t: Messages,
) {
  return {
    header: resolveLinks(menuLinks(stored, 'header', t), pages),
    footer: resolveLinks(menuLinks(stored, 'footer', t), pages),
  }
}
