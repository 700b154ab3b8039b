import * as v from 'valibot'
import type { NavigationMenu } from '../../db/schema'
import type { Messages } from '../../i18n/site'

/**
 * One link of a menu as stored: a label and an address (a path on this site or a full URL), or
 * a page of this site by id (its address follows the page's slug, and the link shows only while
 * the page is published). Top-level links may hold one level of children.
 */
export type NavLink = {
  id: string
  label: string
  address: string
  pageId?: number
  children?: NavLink[]
}

export const NAV_LIMITS = { label: 60, address: 500, links: 20, children: 10 } as const

const storedLink = v.object({
  id: v.pipe(v.string(), v.maxLength(40)),
  label: v.pipe(v.string(), v.maxLength(NAV_LIMITS.label)),
  address: v.pipe(v.string(), v.maxLength(NAV_LIMITS.address)),
  pageId: v.optional(v.number()),
})
const storedMenu = v.pipe(
  v.array(
    v.object({
      ...storedLink.entries,
      children: v.optional(v.pipe(v.array(storedLink), v.maxLength(NAV_LIMITS.children))),
    }),
  ),
  v.maxLength(NAV_LIMITS.links),
)

/** A stored menu's links; null when the JSON is not a menu (then the default is shown). */
export function parseMenu(json: string | null | undefined): NavLink[] | null {
  if (json == null) return null
  try {
    const parsed = v.safeParse(storedMenu, JSON.parse(json))
    return parsed.success ? parsed.output : null
  } catch {
    return null
  }
}

/** The header's five links of old, by id: their labels are the site's words, in its language. */
const DEFAULT_LINKS: { id: string; address: string; label: (t: Messages) => string }[] = [
  { id: 'home', address: '/', label: (t) => t.home },
  { id: 'notes', address: '/notes', label: (t) => t.notes },
  { id: 'categories', address: '/categories', label: (t) => t.navCategories },
  { id: 'search', address: '/search', label: (t) => t.navSearch },
  { id: 'feed', address: '/rss.xml', label: (t) => t.navFeed },
]
const defaultLabel = (id: string, t: Messages) =>
  DEFAULT_LINKS.find((link) => link.id === id)?.label(t) ?? null

/** What a menu shows before the owner ever edits it: the header's five links of old, no footer. */
export function defaultMenu(menu: NavigationMenu, t: Messages): NavLink[] {
  if (menu === 'footer') return []
  return DEFAULT_LINKS.map(({ id, address, label }) => ({ id, address, label: label(t) }))
}

/**
 * A default link whose label was never changed is stored without one, so it follows the site's
 * language; these two turn labels into stored form and back.
 */
export function storedLabels(links: NavLink[], t: Messages): NavLink[] {
  return links.map((link) => ({
    ...link,
    label: link.label === defaultLabel(link.id, t) ? '' : link.label,
    ...(link.children && { children: storedLabels(link.children, t) }),
  }))
}

export function shownLabels(links: NavLink[], t: Messages): NavLink[] {
  return links.map((link) => ({
    ...link,
    label: link.label || defaultLabel(link.id, t) || link.address,
    ...(link.children && { children: shownLabels(link.children, t) }),
  }))
}

export const newLinkId = () => crypto.randomUUID().slice(0, 8)
