import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'
import { SITE_CSS_HASH } from '../ui/site-css'

/** Everything a page uses comes from this origin: no CDN, no font host, no analytics beacon. */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // The stylesheet inside every page, by its hash: never 'unsafe-inline'.
    styleSrc: ["'self'", SITE_CSS_HASH],
    // data: for the site's own icon only. No https: — readers' browsers call no third party: an
    // image from another site in a post becomes a link to it (lib/offsite-images.ts).
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    browsingTopics: [],
  },
})

/**
 * The headers above on every answer, with one exception: uploaded images (`/media/…`) may be
 * embedded by other origins (a feed reader shows a post's images from this site), so they are
 * `Cross-Origin-Resource-Policy: cross-origin`; every page stays `same-origin`.
 */
export const securityHeaders = createMiddleware(async (c, next) => {
  await pageHeaders(c, next)
  if (c.req.path.startsWith('/media/'))
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin')
})
