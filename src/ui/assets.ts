import { ASSET_FILES } from './asset-files'

// Each name carries a hash of its content (`npm run assets`), so the browser keeps these for a
// year (see static/_headers) and a changed file is fetched under its new name.
export const HTMX_SRC = ASSET_FILES['js/htmx.min.js']
export const ADMIN_STYLESHEET_HREF = ASSET_FILES['css/admin.css']
export const EDITOR_SCRIPT_SRC = ASSET_FILES['js/editor.js']
export const READER_SCRIPT_SRC = ASSET_FILES['js/reader.js']
export const MEDIA_EDITOR_SCRIPT_SRC = ASSET_FILES['js/media-editor.js']
export const WEBAUTHN_BROWSER_SCRIPT_SRC = ASSET_FILES['js/simplewebauthn-browser.js']
export const PASSKEYS_SCRIPT_SRC = ASSET_FILES['js/passkeys.js']
export const NAVIGATION_SCRIPT_SRC = ASSET_FILES['js/navigation.js']
