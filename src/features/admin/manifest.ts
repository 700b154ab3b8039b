import { Hono } from 'hono'
import type { AdminEnv } from '../../types'

/**
 * The admin as an installable web app. Installed on a phone, it appears in the share sheet:
 * sharing a page opens `/admin/share` with the standard `url`, `title` and `text` parameters.
 * Served by the Worker (not static/) so its name follows the site's settings; the icons are static files.
 */
export const adminManifestRoute = new Hono<AdminEnv>().get('/', (c) => {
  const { site } = c.var
  c.header('Content-Type', 'application/manifest+json; charset=utf-8')
  c.header('Cache-Control', 'public, max-age=3600')
  return c.body(
    JSON.stringify({
      name: `${site.name} — ${c.var.a.admin}`,
      short_name: site.name,
      lang: site.locale,
      start_url: '/admin/notes',
      scope: '/admin/',
      display: 'standalone',
      background_color: '#fbfaf7',
      theme_color: '#8a3b12',
      icons: [
        { src: '/icons/admin-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/admin-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      ],
      share_target: {
        action: '/admin/share',
        method: 'GET',
        params: { url: 'url', title: 'title', text: 'text' },
      },
    }),
  )
})
