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

/** What a menu shows before the owner ever edits it: the header's five links of old, no footer. */
export function defaultMenu(menu: NavigationMenu, t: Messages): NavLink[] {
  if (menu === 'footer') return []
  return [
    { id: 'home', label: t.home, address: '/' },
    { id: 'notes', label: t.notes, address: '/notes' },
    { id: 'categories', label: t.navCategories, address: '/categories' },
    { id: 'search', label: t.navSearch, address: '/search' },
    { id: 'feed', label: t.navFeed, address: '/rss.xml' },
  ]
}

export const newLinkId = () => crypto.randomUUID().slice(0, 8)
