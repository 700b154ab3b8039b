// The feature's public surface: the app and other features import only this file.
export { adminNavigationRoutes } from './admin-routes'
export { siteNavigation } from './resolve'
export type { StoredMenus } from './resolve'
export { isPageInNavigation, showPageInNavigation } from './page-links'
export { importMenus, menusForArchive } from './archive'
export type { MenusImport } from './archive'
