import type { Child } from 'hono/jsx'
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer'
import type { AppEnv } from '../types'
import { raw } from 'hono/html'
import { ADMIN_STYLESHEET_HREF, HTMX_SRC, READER_SCRIPT_SRC } from './assets'
import { FAVICON_HREF } from './favicon'
import { HeadMeta, type PageMeta } from './head-meta'
import { SITE_CSS } from './site-css'
import { FooterNav, SiteNav } from './site-nav'
import { SocialLinks } from './social-links'

// htmx's own indicator stylesheet would need a style-src exception; SITE_CSS styles the indicator.
const HTMX_CONFIG = '{"includeIndicatorCSS":false}'

export const layout = jsxRenderer<AppEnv>(
  ({
    children,
    title,
    description,
    admin,
    ...meta
  }: {
    children?: Child
    title?: string
    description?: string
    admin?: boolean
  } & PageMeta) => {
    const c = useRequestContext<AppEnv>()
    const { site } = c.var
    const pageTitle = title ? `${title} — ${site.name}` : site.name
    // The page speaks its content's language; the site's own words around it keep the site's.
    const lang = meta.lang ?? site.locale
    const chromeLang = lang === site.locale ? undefined : site.locale
    return (
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <title>{pageTitle}</title>
          <meta name="description" content={description ?? site.tagline} />
          {!admin && (
            <HeadMeta
              site={site}
              title={title ?? site.name}
              description={description ?? site.tagline}
              path={c.req.path}
              {...meta}
            />
          )}
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <link rel="icon" href={FAVICON_HREF} />
          <style>{raw(SITE_CSS)}</style>
          {admin && <link rel="stylesheet" href={ADMIN_STYLESHEET_HREF} />}
          {admin && <meta name="robots" content="noindex" />}
          {admin && <link rel="manifest" href="/admin/manifest.webmanifest" />}
          {admin ? (
            <script src={HTMX_SRC} defer></script>
          ) : (
            // Readers' pages fetch htmx after their first paint (see the script).
            <script src={READER_SCRIPT_SRC} data-htmx={HTMX_SRC} defer></script>
          )}
        </head>
        <body>
          <a class="skip-link" href="#content" lang={chromeLang}>
            {site.t.skipToContent}
          </a>
          <header class="site-header" lang={chromeLang}>
            <a class="site-name" href="/">
              {site.logo && (
                <img
                  class="site-logo"
                  src={site.logo.src}
                  width={site.logo.width}
                  height={site.logo.height}
                  alt={site.logo.alt}
                />
              )}
              {site.name}
            </a>
            <p class="site-tagline">{site.tagline}</p>
            {!admin && <SiteNav site={site} path={c.req.path} />}
          </header>
          <main id="content">{children}</main>
          <footer class="site-footer" lang={chromeLang}>
            {site.footerText && <p class="footer-text">{site.footerText}</p>}
            {!admin && <FooterNav site={site} path={c.req.path} />}
            {!admin && <SocialLinks site={site} />}
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
