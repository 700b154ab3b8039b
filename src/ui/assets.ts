// Versioned names let the browser keep these for a year (see static/_headers).
export const HTMX_SRC = '/js/htmx-4.0.1.min.js'
export const ADMIN_STYLESHEET_HREF = '/css/admin-2.css'
export const EDITOR_SCRIPT_SRC = '/js/editor-1.js'
export const READER_SCRIPT_SRC = '/js/reader-2.js'
export const NAVIGATION_SCRIPT_SRC = '/js/navigation-1.js'
