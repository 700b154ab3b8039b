// The feature's public surface: the app and other features import only this file.
export { adminSettingsRoutes } from './admin-routes'
export { readSiteSettings } from './queries'
export type { StoredSettings } from './queries'
export { seedSettings } from './seed'
export type { SiteSettings } from './seed'
export { siteFrom } from './site'
export { importSettings, settingsForArchive } from './archive'
export type { SettingsImport } from './archive'
