import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { NavigationMenu } from '../../db/schema'
import { typedForm } from '../../lib/validation/form'
import type { AdminEnv, EditorEnv } from '../../types'
import { requireEditor, requireOwner } from '../auth'
import { listCategories } from '../posts'
import { addLink, editLink, moveLink, removeLink, reorderLinks, type EditResult } from './edits'
import { newLinkId, type NavLink } from './links'
import { navigationMessagesFor } from './messages'
import { editMenu, listPagesForLinks, readMenu } from './queries'
import {
  linkFormFields,
  moveFields,
  orderFields,
  validateLink,
  type LinkFormValues,
} from './schemas'
import { NavigationPage, type NavigationPageProps } from './views/navigation-page'

type NavigationContext = Context<EditorEnv>

const menuOf = (c: NavigationContext): NavigationMenu => {
  const menu = c.req.param('menu')
  if (menu !== 'header' && menu !== 'footer') throw new HTTPException(404)
  return menu
}

async function renderNavigation(
  c: NavigationContext,
  extra: Pick<NavigationPageProps, 'notice' | 'rejected'> = {},
) {
  const { db, site, a } = c.var
  const n = navigationMessagesFor(site.locale)
  const [header, footer, categories, pages] = await Promise.all([
    readMenu(db, 'header', site.t),
    readMenu(db, 'footer', site.t),
    listCategories(db),
    listPagesForLinks(db),
  ])
  return c.render(
    <NavigationPage
      a={a}
      n={n}
      editor={c.var.editor}
      menus={{ header: header.links, footer: footer.links }}
      publishedPages={new Set(pages.filter((p) => p.status !== 'draft').map((p) => p.id))}
      suggestions={[
        ...pages.map((page) => ({ address: `/${page.slug}`, label: page.title })),
        ...categories.map((category) => ({
          address: `/categories/${category.slug}`,
          label: category.name,
        })),
      ]}
      {...extra}
    />,
    { title: n.navigation, admin: true },
  )
}

/** After an edit: back to the page at the menu edited (303), or the page with why it was refused. */
async function respond(c: NavigationContext, menu: NavigationMenu, result: EditResult) {
  if (result.ok) return c.redirect(`/admin/navigation?saved#menu-${menu}`, 303)
  const n = navigationMessagesFor(c.var.site.locale)
  c.status(result.reason === 'notFound' ? 409 : 422)
  return renderNavigation(c, { notice: { message: n.refusals[result.reason], tone: 'error' } })
}

function edit(c: NavigationContext, change: (links: NavLink[]) => EditResult) {
  const menu = menuOf(c)
  return editMenu(c.var.db, menu, c.var.site.t, change).then((result) => respond(c, menu, result))
}

function refusedLink(c: NavigationContext, menu: NavigationMenu, values: LinkFormValues) {
  const n = navigationMessagesFor(c.var.site.locale)
  const { errors } = validateLink(values)
  c.status(422)
  const messages = Object.fromEntries(
    Object.entries(errors).map(([field, code]) => [field, n.errors[code]]),
  )
  return renderNavigation(c, { rejected: { menu, values, errors: messages } })
}

/** `/admin/navigation`: the owner's; every change is a plain form post, JavaScript only adds drag. */
export const adminNavigationRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireOwner)
  .get('/', (c) => {
    const saved = c.req.query('saved') !== undefined
    const n = navigationMessagesFor(c.var.site.locale)
    return renderNavigation(c, { notice: saved ? { message: n.saved, tone: 'info' } : null })
  })
  .post('/:menu/links', typedForm(linkFormFields), async (c) => {
    const menu = menuOf(c)
    const values = c.req.valid('form')
    const { link } = validateLink(values)
    if (!link) return refusedLink(c, menu, values)
    return edit(c, (links) => addLink(links, { id: newLinkId(), ...link }, values.parent || null))
  })
  .post('/:menu/links/:id/move', typedForm(moveFields), (c) =>
    edit(c, (links) => moveLink(links, c.req.param('id'), c.req.valid('form').direction)),
  )
  .post('/:menu/links/:id/remove', (c) => edit(c, (links) => removeLink(links, c.req.param('id'))))
  .post('/:menu/links/:id', typedForm(linkFormFields), async (c) => {
    const menu = menuOf(c)
    const values = c.req.valid('form')
    const { link } = validateLink(values)
    if (!link) return refusedLink(c, menu, values)
    return edit(c, (links) => editLink(links, c.req.param('id'), link))
  })
  .post('/:menu/order', typedForm(orderFields), (c) => {
    const { parent, order } = c.req.valid('form')
    return edit(c, (links) => reorderLinks(links, parent || null, order))
  })
