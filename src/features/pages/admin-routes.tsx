import { Hono } from 'hono'
import { lenientQuery } from '../../lib/validation/form'
import { typeset } from '../../lib/typography'
import type { AdminEnv } from '../../types'
import { isPageInNavigation, showPageInNavigation } from '../navigation'
import { editorRoutes, findPostForEditing, PAGE_EDITOR, type EditorHooks } from '../posts'
import { Notice } from '../../ui/admin-nav'
import { listAdminPages, pageImages } from './queries'
import { adminPagesQuery } from './schemas'
import { PageView } from './views/page-view'
import { PagesPage } from './views/pages-page'

/** What pages add to the posts' editor: "Show in navigation", and their own preview. */
const pageHooks: EditorHooks = {
  formValues: async (c, page) => ({
    showInNavigation: (await isPageInNavigation(c.var.db, c.var.site.t, page.id)) ? 'on' : '',
  }),
  afterSave: async (c, pageId, form) => {
    const page = await findPostForEditing(c.var.db, pageId)
    if (!page) return
    await showPageInNavigation(c.var.db, c.var.site.t, page, form.showInNavigation === 'on')
  },
  preview: async (c, page) => {
    const { a, db, site } = c.var
    return c.render(
      <>
        <Notice message={a.previewPageNotice} />
        <PageView site={site} page={page} images={await pageImages(db, page.id)} />
      </>,
      { title: `${a.previewPost}: ${typeset(page.title, page.language)}`, admin: true },
    )
  },
}

/**
 * `/admin/pages`: the list of pages, and their editor — the posts' own (features/posts), with a
 * page's fields. New pages are at `/admin/pages/new`.
 */
export const adminPageRoutes = editorRoutes(PAGE_EDITOR, pageHooks).get(
  '/',
  lenientQuery(adminPagesQuery),
  async (c) => {
    const { a, db } = c.var
    const { trashed } = c.req.valid('query')
    return c.render(
      <PagesPage
        a={a}
        editor={c.var.editor}
        pages={await listAdminPages(db)}
        notice={trashed ? a.movedToTrash : null}
        undo={trashed ? { action: `/admin/pages/${trashed}/restore`, label: a.undo } : null}
      />,
      { title: a.pages, admin: true },
    )
  },
)
