import { and, eq, inArray } from 'drizzle-orm'
import * as v from 'valibot'
import type { Db } from '../../db/client'
import { queryInChunks } from '../../db/d1-limits'
import { isPage } from '../../db/listing'
import { navigationMenus, NAVIGATION_MENUS, posts, type NavigationMenu } from '../../db/schema'
import { canonicalAddress } from './addresses'
import { messagesFor } from '../../i18n/site'
import { defaultMenu, NAV_LIMITS, newLinkId, parseMenu, type NavLink } from './links'
import { insertMenu } from './queries'

/** A link as an archive keeps it: a page by its slug, since ids differ from one blog to another. */
type ArchivedLink = {
  label: string
  address: string
  page?: string
  /** One of the header's links of old, its label (if empty) the site's own word for it. */
  builtin?: string
  children?: ArchivedLink[]
}

/** The menus the owner has edited (null for one left as its default), pages named by slug. */
export async function menusForArchive(
  db: Db,
): Promise<Record<NavigationMenu, ArchivedLink[] | null>> {
  const rows = await db.select().from(navigationMenus)
  const menus = Object.fromEntries(NAVIGATION_MENUS.map((menu) => [menu, null])) as Record<
    NavigationMenu,
    ArchivedLink[] | null
  >
  const stored = rows.flatMap((row) => {
    const links = parseMenu(row.links)
    return links ? [{ menu: row.menu, links }] : []
  })
  const pageIds = stored.flatMap(({ links }) =>
    links.flatMap((link) => [link, ...(link.children ?? [])]).flatMap((l) => l.pageId ?? []),
  )
  const slugs = new Map(
    (
      await queryInChunks([...new Set(pageIds)], (ids) =>
        db.select({ id: posts.id, slug: posts.slug }).from(posts).where(inArray(posts.id, ids)),
      )
    ).map((row) => [row.id, row.slug]),
  )
  const archived = (link: NavLink): ArchivedLink => {
    const page = link.pageId === undefined ? undefined : slugs.get(link.pageId)
    return {
      label: link.label,
      address: link.address,
      ...(page !== undefined && { page }),
      ...(BUILTIN_IDS.has(link.id) && { builtin: link.id }),
      ...(link.children && { children: link.children.map(archived) }),
    }
  }
  for (const { menu, links } of stored) menus[menu] = links.map(archived)
  return menus
}

const BUILTIN_IDS: ReadonlySet<string> = new Set(
  defaultMenu('header', messagesFor('en')).map((l) => l.id),
)

const linkFields = {
  label: v.pipe(v.string(), v.trim(), v.maxLength(NAV_LIMITS.label)),
  address: v.string(),
  page: v.optional(v.string()),
  builtin: v.optional(v.picklist([...BUILTIN_IDS])),
}
// Only a link of old may go without a label: it takes the site's word for it.
const labelled = <T extends { label: string; builtin?: string }>(link: T) =>
  link.label !== '' || link.builtin !== undefined
const archivedLink = v.pipe(
  v.object(linkFields),
  v.check(labelled<v.InferOutput<v.ObjectSchema<typeof linkFields, undefined>>>),
)
const archivedMenu = v.pipe(
  v.array(
    v.pipe(
      v.object({
        ...linkFields,
        children: v.optional(v.pipe(v.array(archivedLink), v.maxLength(NAV_LIMITS.children))),
      }),
      v.check(labelled),
    ),
  ),
  v.maxLength(NAV_LIMITS.links),
)

export type MenusImport = {
  imported: NavigationMenu[]
  kept: NavigationMenu[]
  refused: NavigationMenu[]
}

/**
 * Menus read back from an archive, through the same checks as the admin's forms: a menu the
 * owner has already edited here is kept; a link to a page finds the page by its slug.
 */
export async function importMenus(
  db: Db,
  archived: Record<string, unknown>,
  dryRun: boolean,
): Promise<MenusImport> {
  const result: MenusImport = { imported: [], kept: [], refused: [] }
  for (const menu of NAVIGATION_MENUS) {
    if (archived[menu] == null) continue
    const parsed = v.safeParse(archivedMenu, archived[menu])
    if (!parsed.success) {
      result.refused.push(menu)
      continue
    }
    const pageSlugs = parsed.output
      .flatMap((l) => [l, ...(l.children ?? [])])
      .flatMap((l) => l.page ?? [])
    const pages = new Map(
      (
        await queryInChunks([...new Set(pageSlugs)], (slugs) =>
          db
            .select({ id: posts.id, slug: posts.slug })
            .from(posts)
            .where(and(isPage, inArray(posts.slug, slugs))),
        )
      ).map((row) => [row.slug, row.id]),
    )
    const toLink = (link: v.InferOutput<typeof archivedLink>): NavLink | null => {
      const address = canonicalAddress(link.address)
      if (!address) return null
      const pageId = link.page === undefined ? undefined : pages.get(link.page)
      const id = link.builtin ?? newLinkId()
      return { id, label: link.label, address, ...(pageId && { pageId }) }
    }
    const links: NavLink[] = []
    let valid = true
    for (const link of parsed.output) {
      const top = toLink(link)
      const children = (link.children ?? []).map(toLink)
      if (!top || children.includes(null)) valid = false
      else links.push({ ...top, ...(children.length && { children: children as NavLink[] }) })
    }
    if (!valid) result.refused.push(menu)
    else if (await exists(db, menu)) result.kept.push(menu)
    else {
      if (!dryRun) await insertMenu(db, menu, links)
      result.imported.push(menu)
    }
  }
  return result
}

async function exists(db: Db, menu: NavigationMenu) {
  const [row] = await db
    .select({ menu: navigationMenus.menu })
    .from(navigationMenus)
    .where(eq(navigationMenus.menu, menu))
  return row !== undefined
}
