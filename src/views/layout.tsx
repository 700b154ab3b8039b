import type { Child } from 'hono/jsx'
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer'
import type { AppEnv } from '../types'
import { ADMIN_STYLESHEET_HREF, HTMX_SRC, STYLESHEET_HREF } from './assets'

// htmx's own indicator stylesheet would need a style-src exception; site.css styles the indicator.
const HTMX_CONFIG = '{"includeIndicatorCSS":false}'

export const layout = jsxRenderer<AppEnv>(
  ({
    children,
    title,
    description,
    admin,
    image,
  }: {
    children?: Child
    title?: string
    description?: string
    admin?: boolean
    /** Absolute URL of the page's picture (a post's featured image) for link previews. */
    image?: string
  }) => {
    const c = useRequestContext<AppEnv>()
    const { site } = c.var
    const pageTitle = title ? `${title} — ${site.name}` : site.name
    return (
      <html lang={site.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <title>{pageTitle}</title>
          <meta name="description" content={description ?? site.tagline} />
          {image && <meta property="og:image" content={image} />}
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href={STYLESHEET_HREF} />
          {admin && <link rel="stylesheet" href={ADMIN_STYLESHEET_HREF} />}
          {admin && <meta name="robots" content="noindex" />}
          {admin && <link rel="manifest" href="/admin/manifest.webmanifest" />}
          <script src={HTMX_SRC} defer></script>
        </head>
        <body>
          <a class="skip-link" href="#content">
            {site.t.skipToContent}
          </a>
          <header class="site-header">
            <a class="site-name" href="/">
              {site.name}
            </a>
            <p class="site-tagline">{site.tagline}</p>
            <nav class="site-nav" aria-label={site.t.mainNavigation}>
              <a href="/notes">{site.t.notes}</a>
            </nav>
          </header>
          <main id="content">{children}</main>
          <footer class="site-footer">
            <p>
              © {site.name} · {site.t.footerPowered} · <a href="/privacy">{site.t.privacy}</a>
            </p>
          </footer>
        </body>
      </html>
    )
  },
  { docType: true },
)
