import { NAV_LIMITS, type NavLink } from './links'

/** Why an edit could not be applied; the route answers with the page and this message. */
export type EditRefusal = 'notFound' | 'tooMany'

export type EditResult = { ok: true; links: NavLink[] } | { ok: false; reason: EditRefusal }

/** The list holding the link `id` (the top level or one parent's children), and its place. */
function locate(links: NavLink[], id: string): { list: NavLink[]; index: number } | null {
  const index = links.findIndex((link) => link.id === id)
  if (index >= 0) return { list: links, index }
  for (const link of links) {
    const child = link.children?.findIndex((c) => c.id === id) ?? -1
    if (child >= 0) return { list: link.children!, index: child }
  }
  return null
}

const copy = (links: NavLink[]): NavLink[] =>
  links.map((link) => ({ ...link, ...(link.children && { children: [...link.children] }) }))

/** Adds a link at the end of the top level, or of a top-level link's children. */
export function addLink(links: NavLink[], link: NavLink, parentId: string | null): EditResult {
  const next = copy(links)
  if (!parentId) {
    if (next.length >= NAV_LIMITS.links) return { ok: false, reason: 'tooMany' }
    return { ok: true, links: [...next, link] }
  }
  const parent = next.find((candidate) => candidate.id === parentId)
  if (!parent) return { ok: false, reason: 'notFound' }
  const children = parent.children ?? []
  if (children.length >= NAV_LIMITS.children) return { ok: false, reason: 'tooMany' }
  parent.children = [...children, link]
  return { ok: true, links: next }
}

/** Swaps the link with its neighbour above or below, within its own list. */
export function moveLink(links: NavLink[], id: string, direction: 'up' | 'down'): EditResult {
  const next = copy(links)
  const found = locate(next, id)
  if (!found) return { ok: false, reason: 'notFound' }
  const { list, index } = found
  const other = direction === 'up' ? index - 1 : index + 1
  if (other < 0 || other >= list.length) return { ok: true, links: next }
  ;[list[index], list[other]] = [list[other], list[index]]
  return { ok: true, links: next }
}

/** Removes the link, and its children with it. */
export function removeLink(links: NavLink[], id: string): EditResult {
  const next = copy(links)
  const found = locate(next, id)
  if (!found) return { ok: false, reason: 'notFound' }
  found.list.splice(found.index, 1)
  return { ok: true, links: next }
}

/** A new label and address for the link (a page's link becomes an ordinary one if re-addressed). */
export function editLink(
  links: NavLink[],
  id: string,
  change: { label: string; address: string },
): EditResult {
  const next = copy(links)
  const found = locate(next, id)
  if (!found) return { ok: false, reason: 'notFound' }
  const link = found.list[found.index]
  const { pageId, ...plain } = link
  const readdressed = change.address !== link.address
  found.list[found.index] = { ...(readdressed ? plain : { ...plain, pageId }), ...change }
  return { ok: true, links: next }
}

/**
 * One list in a new order (a drag and drop): `ids` must be exactly that list's links, the top
 * level's (`parentId` null) or one parent's children; anything else is refused.
 */
export function reorderLinks(links: NavLink[], parentId: string | null, ids: string[]): EditResult {
  const next = copy(links)
  const parent = parentId ? next.find((link) => link.id === parentId) : null
  if (parentId && !parent) return { ok: false, reason: 'notFound' }
  const list = parent ? (parent.children ?? []) : next
  const byId = new Map(list.map((link) => [link.id, link]))
  if (
    ids.length !== list.length ||
    new Set(ids).size !== ids.length ||
    !ids.every((id) => byId.has(id))
  )
    return { ok: false, reason: 'notFound' }
  const ordered = ids.map((id) => byId.get(id)!)
  if (parent) parent.children = ordered
  else return { ok: true, links: ordered }
  return { ok: true, links: next }
}

/** Whether a link to this page is in the menu, at any level. */
export function hasPageLink(links: NavLink[], pageId: number): boolean {
  return links.some(
    (link) => link.pageId === pageId || !!link.children?.some((child) => child.pageId === pageId),
  )
}

/** The menu without any link to this page. */
export function withoutPageLinks(links: NavLink[], pageId: number): NavLink[] {
  return links
    .filter((link) => link.pageId !== pageId)
    .map((link) =>
      link.children
        ? { ...link, children: link.children.filter((child) => child.pageId !== pageId) }
        : link,
    )
}
