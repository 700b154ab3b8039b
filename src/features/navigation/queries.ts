import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isPage } from '../../db/listing'
import { navigationMenus, posts, type NavigationMenu } from '../../db/schema'
import type { Messages } from '../../i18n/site'
import type { EditResult } from './edits'
import { defaultMenu, parseMenu, shownLabels, storedLabels, type NavLink } from './links'

/** A menu as stored, or its default with version 0 when the owner never edited it. */
export async function readMenu(db: Db, menu: NavigationMenu, t: Messages) {
  const [row] = await db
    .select({ links: navigationMenus.links, version: navigationMenus.version })
    .from(navigationMenus)
    .where(eq(navigationMenus.menu, menu))
  // A row whose JSON is not a menu is shown, and edited, as the default.
  const stored = parseMenu(row?.links)
  return {
    links: stored ? shownLabels(stored, t) : defaultMenu(menu, t),
    version: row?.version ?? 0,
  }
}

/** Writes the menu if it is still at `version` (0: never stored); false if it moved meanwhile. */
async function writeMenu(db: Db, menu: NavigationMenu, links: NavLink[], version: number) {
  const json = JSON.stringify(links)
  const rows =
    version === 0
      ? await db
          .insert(navigationMenus)
          .values({ menu, links: json })
          .onConflictDoNothing()
          .returning({ version: navigationMenus.version })
      : await db
          .update(navigationMenus)
          .set({ links: json, version: sql`${navigationMenus.version} + 1`, updatedAt: new Date() })
          .where(and(eq(navigationMenus.menu, menu), eq(navigationMenus.version, version)))
          .returning({ version: navigationMenus.version })
  return rows.length > 0
}

/** A menu stored for the first time (an archive read back); nothing if it exists meanwhile. */
export async function insertMenu(db: Db, menu: NavigationMenu, links: NavLink[]) {
  return writeMenu(db, menu, links, 0)
}

const ATTEMPTS = 3

/**
 * Applies an edit to the menu as it is now: read, edit, write conditioned on the version read.
 * Edits name links by id, so when another edit lands in between, this one is simply applied
 * again to the newer menu.
 */
export async function editMenu(
  db: Db,
  menu: NavigationMenu,
  t: Messages,
  edit: (links: NavLink[]) => EditResult,
): Promise<EditResult> {
  for (let attempt = 1; ; attempt++) {
    const current = await readMenu(db, menu, t)
    const result = edit(current.links)
    if (!result.ok) return result
    if (await writeMenu(db, menu, storedLabels(result.links, t), current.version)) return result
    if (attempt >= ATTEMPTS) throw new Error(`The ${menu} menu kept changing while being saved.`)
  }
}

/** The pages a link can point to (not in the trash), to suggest them and tell which are live. */
export function listPagesForLinks(db: Db) {
  return db
    .select({ id: posts.id, slug: posts.slug, title: posts.title, status: posts.status })
    .from(posts)
    .where(and(isPage, isNull(posts.deletedAt)))
    .orderBy(asc(posts.title))
    .limit(500)
}
