// The feature's public surface: the app and other features import only this file.
export { adminVisualEditorRoutes } from './admin-routes'
export { VisualEditorAssets } from './assets'
export { VISUAL_EDITOR_SCRIPT } from './bundle-files'
